package ir.sarkhat.article.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Readers' search. The query goes through the same analyzer as the articles; candidates are the
 * entries holding all query terms (or, when none does, any of them), ranked in Java with BM25 over
 * the candidates, document frequencies counted on the index, a boost for terms in the title, and
 * the newer article first on equal scores.
 */
@Service
public class ArticleSearch {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_SIZE = 50;
    /** Enough terms for any real query; the rest of a pasted paragraph is ignored. */
    static final int MAX_QUERY_TERMS = 16;
    /** Ranking reads at most this many candidates (the newest) so a query for a very common word stays cheap. */
    static final int MAX_CANDIDATES = 1000;
    /** A query term in the title adds this many times its idf: a title hit outweighs a few more body mentions. */
    static final double TITLE_BOOST = 1.5;

    /** Corpus size and average length change slowly; recounting them on every query would scan the index. */
    static final long CORPUS_STATS_TTL_NANOS = 30_000_000_000L;

    private final SearchIndex index;
    private final PersianSearchAnalyzer analyzer;
    private volatile CorpusStats corpus;

    ArticleSearch(SearchIndex index, PersianSearchAnalyzer analyzer) {
        this.index = index;
        this.analyzer = analyzer;
    }

    public SearchResults search(String query, int page, int size) {
        String q = validQuery(query);
        if (page < 1) {
            throw ApiProblem.badRequest("page: must be 1 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("size: must be between 1 and " + MAX_SIZE + ".");
        }
        List<String> terms = analyzer.terms(q).stream().distinct().limit(MAX_QUERY_TERMS).toList();
        if (terms.isEmpty()) {
            return new SearchResults(q, 0, page, size, List.of());
        }
        boolean all = true;
        long total = index.countWith(terms, true);
        if (total == 0 && terms.size() > 1) {
            all = false;
            total = index.countWith(terms, false);
        }
        if (total == 0) {
            return new SearchResults(q, 0, page, size, List.of());
        }
        List<SearchHit> ranked = rank(terms, index.withTerms(terms, all, MAX_CANDIDATES));
        int from = (int) Math.min((long) (page - 1) * size, ranked.size());
        int to = Math.min(from + size, ranked.size());
        return new SearchResults(q, total, page, size, ranked.subList(from, to));
    }

    /** Checks the raw query: what a person typed, surrounding spaces ignored. */
    public static String validQuery(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ApiProblem.badRequest("q: type a word or phrase to search for.");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ApiProblem.badRequest("q: at most " + MAX_QUERY_LENGTH + " characters; shorten the search.");
        }
        return q;
    }

    private List<SearchHit> rank(List<String> terms, List<SearchEntry> candidates) {
        CorpusStats stats = corpusStats();
        Map<String, Double> idf = new HashMap<>();
        for (String term : terms) {
            long df = index.documentFrequency(term);
            // The cached size may lag behind a fresh entry; N below df would make idf negative.
            idf.put(term, Bm25.STANDARD.idf(Math.max(stats.documents(), Math.max(df, candidates.size())), df));
        }
        double averageLength = stats.averageLength();
        return candidates.stream()
                .map(entry -> new SearchHit(entry.id(), entry.slug(), entry.title(), entry.excerpt(),
                        entry.publishedAt(), score(entry, terms, idf, averageLength)))
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed()
                        .thenComparing(SearchHit::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(SearchHit::id, Comparator.reverseOrder()))
                .toList();
    }

    private CorpusStats corpusStats() {
        CorpusStats current = corpus;
        if (current == null || System.nanoTime() - current.countedAt() > CORPUS_STATS_TTL_NANOS) {
            current = new CorpusStats(index.size(), index.averageLength(), System.nanoTime());
            corpus = current;
        }
        return current;
    }

    /** BM25's N and average document length, as counted at {@code countedAt} (System.nanoTime). */
    private record CorpusStats(long documents, double averageLength, long countedAt) {
    }

    static double score(SearchEntry entry, List<String> terms, Map<String, Double> idf, double averageLength) {
        double score = 0;
        for (String term : terms) {
            double weight = Bm25.STANDARD.weight(entry.count(term), entry.length(), averageLength);
            if (entry.titleTerms().contains(term)) {
                weight += TITLE_BOOST;
            }
            score += idf.get(term) * weight;
        }
        // Rounded so that equal texts tie exactly and the newer article wins.
        return Math.round(score * 10_000) / 10_000.0;
    }
}
