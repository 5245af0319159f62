package ir.sarkhat.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ir.sarkhat.analytics.pageview.PageView;

/** One rollup document: grain, bucket start, scope (an article id or the site), dimension and its value. */
public record BucketKey(Grain grain, Instant bucket, String scope, Dimension dimension, String value) {

    public static String id(Grain grain, Instant bucket, String scope, Dimension dimension, String value) {
        return new BucketKey(grain, bucket, scope, dimension, value).id();
    }

    String id() {
        return grain.code() + "|" + bucket.toEpochMilli() + "|" + scope + "|" + dimension.code() + "|" + value;
    }

    /**
     * Every bucket one view falls in: minute and all-time totals, and hour and day rows for each dimension, for its
     * article and for the site.
     */
    static List<BucketKey> of(PageView view) {
        List<BucketKey> keys = new ArrayList<>(26);
        for (Grain grain : new Grain[] { Grain.HOUR, Grain.DAY }) {
            keys.add(new BucketKey(grain, grain.bucketOf(view.viewedAt()), Rollups.SITE, Dimension.RANK, "all"));
        }
        for (String scope : new String[] { view.articleId(), Rollups.SITE }) {
            keys.add(new BucketKey(Grain.MINUTE, Grain.MINUTE.bucketOf(view.viewedAt()), scope, Dimension.ALL, "all"));
            keys.add(new BucketKey(Grain.TOTAL, Instant.EPOCH, scope, Dimension.ALL, "all"));
            for (Grain grain : new Grain[] { Grain.HOUR, Grain.DAY }) {
                Instant bucket = grain.bucketOf(view.viewedAt());
                for (Dimension dimension : Dimension.OF_VIEWS) {
                    keys.add(new BucketKey(grain, bucket, scope, dimension, dimension.valueOf(view)));
                }
            }
        }
        return keys;
    }

    static BucketKey dropped(String reason, Instant at) {
        return new BucketKey(Grain.DAY, Grain.DAY.bucketOf(at), Rollups.SITE, Dimension.DROPPED, reason);
    }
}
