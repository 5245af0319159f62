package ir.sarkhat.article.cache;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ir.sarkhat.article.messaging.CommentEventsListener;
import ir.sarkhat.article.pages.PageQueries;
import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.StatsUpdate;
import ir.sarkhat.kit.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance evicts its own cache: the consumer group is random per instance, so each one gets
 * every event, starting from the latest offset (an empty cache at startup has nothing to evict).
 * It never throws: an event it cannot read empties the whole cache instead, which is always safe,
 * so nothing from here ever goes to a dead-letter topic.
 */
@Component
class CacheInvalidationListener {

    static final String LISTENER_ID = "page-cache-invalidation";
    static final String STATS_UPDATED = "sarkhat.article.stats-updated.v1";
    private static final Logger log = LoggerFactory.getLogger(CacheInvalidationListener.class);

    private final PageCache cache;
    private final PageQueries queries;
    private final ArticleStatsStore stats;
    private final CommentEventsListener comments;
    private final JsonMapper json;

    CacheInvalidationListener(PageCache cache, PageQueries queries, ArticleStatsStore stats,
            CommentEventsListener comments, JsonMapper json) {
        this.cache = cache;
        this.queries = queries;
        this.stats = stats;
        this.comments = comments;
        this.json = json;
    }

    @KafkaListener(id = LISTENER_ID, groupId = "article-service-cache-${random.uuid}",
            topics = { "article-events", "article-stats", "comment-events" }, properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (event.type().startsWith("sarkhat.article.") && "article-events".equals(event.topic())) {
                articleChanged(json.readValue(event.data(), ArticleChanged.class));
            } else if (STATS_UPDATED.equals(event.type())) {
                countsChanged(json.readValue(event.data(), CountsChanged.class));
            } else if ("comment-events".equals(event.topic())) {
                commentsChanged(event);
            }
        } catch (RuntimeException unreadable) {
            log.warn("Emptying the page cache: could not read {}@{}: {}", record.topic(), record.offset(),
                    unreadable.toString());
            cache.evictAll();
        }
    }

    /** Published, updated, unpublished: the article under its old and new slugs, and every listing. */
    private void articleChanged(ArticleChanged event) {
        String current = event.articleId() == null ? null : queries.slugOf(event.articleId());
        cache.evictArticle(event.slug(), event.previousSlug(), current);
        cache.evictListings();
    }

    /**
     * New counts: applied here first (the apply is idempotent by version, so the stats consumer applying
     * it too changes nothing), then the stored totals — the newest, whatever the order events came in — are
     * written into the article's cached page and JSON. No re-render: through the gateway every page view
     * ends here, and evicting would re-render the most read page once per view. The home page's most-viewed
     * box follows within the TTL.
     */
    private void countsChanged(CountsChanged event) {
        if (event.articleId() == null) {
            return;
        }
        if (event.views() != null && event.comments() != null && event.version() != null && event.views() >= 0
                && event.comments() >= 0) {
            stats.apply(new StatsUpdate(event.articleId(), event.views(), event.comments(), event.version()));
        }
        cache.showCounts(queries.slugOf(event.articleId()), stats.of(event.articleId()));
    }

    /** A comment appeared or went: applied to the replica here first (idempotent), like the counts, then evicted. */
    private void commentsChanged(IncomingEvent event) {
        String articleId = comments.apply(event);
        if (articleId != null) {
            cache.evictArticle(queries.slugOf(articleId));
        }
    }

    /** Tolerant reader of ArticlePublished, ArticleUpdated and ArticleUnpublished: only what names the cached pages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleChanged(String articleId, String slug, String previousSlug) {
    }

    /** Tolerant reader of ArticleStatsUpdated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CountsChanged(String articleId, Long views, Long comments, Long version) {
    }
}
