package ir.sarkhat.analytics.rollup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's in-memory copies of closed buckets ({@link ClosedBuckets}).
 *
 * @param ttl      how long a copy is kept: the most a past bucket can lag behind writes made by <em>another</em>
 *                 instance (this instance's own writes drop the copy at once)
 * @param rollups  how many rollup documents are kept (a 30-day top list reads 30 ranking documents)
 * @param sketches how many visitor sketches (4 KiB each) are kept (a 30-day top 10 reads 300)
 */
@ConfigurationProperties("sarkhat.analytics.query-cache")
public record QueryCacheSettings(@DefaultValue("60s") Duration ttl, @DefaultValue("20000") long rollups,
        @DefaultValue("5000") long sketches) {

    public static final QueryCacheSettings DEFAULTS = new QueryCacheSettings(Duration.ofSeconds(60), 20_000, 5_000);
}
