package ir.sarkhat.article.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Keeps {@code search_index} in step with the {@code articles} collection. It reads articles as raw
 * documents by the shared field names, not through the article aggregate, so search does not depend
 * on how the editorial workflow is coded. Each call looks at the article's current state and writes
 * the whole entry (or removes it), so a redelivered or repeated call changes nothing.
 */
@Service
public class SearchIndexing {

    static final String ARTICLES = "articles";
    static final String PUBLISHED = "PUBLISHED";
    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final MongoTemplate mongo;
    private final SearchIndex index;
    private final PersianSearchAnalyzer analyzer;

    SearchIndexing(MongoTemplate mongo, SearchIndex index, PersianSearchAnalyzer analyzer) {
        this.mongo = mongo;
        this.index = index;
        this.analyzer = analyzer;
    }

    /** Indexes the article when it is published; otherwise makes sure it is not in the index. */
    public void reindex(String articleId) {
        Optional<Document> article = load(articleId);
        if (article.isPresent() && PUBLISHED.equals(article.get().getString("status"))) {
            index.save(entry(articleId, article.get()));
        } else {
            index.remove(articleId);
        }
    }

    /** Takes the article out of search results. */
    public void remove(String articleId) {
        index.remove(articleId);
    }

    /**
     * At startup: indexes published articles that are missing or older in the index, and removes
     * entries of articles no longer published. Compares ids and {@code updatedAt} only, so on an
     * index already in step it reads two small projections and writes nothing.
     *
     * @return how many entries were written or removed
     */
    public int backfill() {
        Map<String, Instant> published = new LinkedHashMap<>();
        mongo.getCollection(ARTICLES).find(Filters.eq("status", PUBLISHED))
                .projection(Projections.include("updatedAt"))
                .forEach(doc -> published.put(id(doc.get("_id")), instant(doc.get("updatedAt"))));
        Map<String, Instant> indexed = index.indexedVersions();
        int changed = 0;
        for (Map.Entry<String, Instant> article : published.entrySet()) {
            if (!indexed.containsKey(article.getKey())
                    || !Objects.equals(indexed.get(article.getKey()), article.getValue())) {
                reindex(article.getKey());
                changed++;
            }
        }
        Set<String> gone = new HashSet<>(indexed.keySet());
        gone.removeAll(published.keySet());
        gone.forEach(index::remove);
        changed += gone.size();
        if (changed > 0) {
            log.info("Search backfill: {} entries written or removed", changed);
        }
        return changed;
    }

    /** A failed backfill must not stop the service: events keep the index in step, the next start retries. */
    @EventListener(ApplicationReadyEvent.class)
    void backfillAtStartup() {
        try {
            backfill();
        } catch (RuntimeException e) {
            log.warn("Search backfill failed; it runs again at the next start: {}", e.getMessage());
        }
    }

    private SearchEntry entry(String articleId, Document article) {
        String title = Objects.toString(article.getString("title"), "");
        List<String> titleTerms = analyzer.terms(title);
        List<String> all = new ArrayList<>(titleTerms);
        for (Object tag : article.getList("tags", Object.class, List.of())) {
            all.addAll(analyzer.terms(String.valueOf(tag)));
        }
        String html = article.getString("bodyHtml");
        all.addAll(analyzer.terms(html != null ? HtmlText.plain(html) : article.getString("body")));
        Map<String, Integer> counts = new LinkedHashMap<>();
        all.forEach(term -> counts.merge(term, 1, Integer::sum));
        return new SearchEntry(articleId, article.getString("slug"), title, article.getString("excerpt"),
                instant(article.get("publishedAt")), instant(article.get("updatedAt")),
                List.copyOf(counts.keySet()), List.copyOf(counts.values()), all.size(),
                titleTerms.stream().distinct().toList());
    }

    /** Article ids are ObjectIds in the database and hex strings everywhere else. */
    private Optional<Document> load(String articleId) {
        Object key = ObjectId.isValid(articleId) ? new ObjectId(articleId) : articleId;
        return Optional.ofNullable(mongo.getCollection(ARTICLES).find(Filters.eq("_id", key)).first());
    }

    private static String id(Object id) {
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
