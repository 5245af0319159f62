package ir.sarkhat.analytics.realtime;

import java.time.Instant;
import java.util.List;

/** Current readers: distinct visitors with a page view in the last 5 minutes, site-wide and per article. */
public record Readers(Instant asOf, long visitors, List<ArticleReaders> articles) {

    public record ArticleReaders(String articleId, String title, long visitors) {
    }
}
