package ir.sarkhat.analytics.pageview;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rawPageViews   how long raw page views are kept (TTL): the window rollups can be rebuilt from and in which
 *                       sessions, bounce rate and visit duration can be asked for
 * @param minuteRollups  how long per-minute rollups are kept (TTL); hour and day rollups are kept
 */
@ConfigurationProperties("sarkhat.analytics.retention")
public record AnalyticsRetention(@DefaultValue("30d") Duration rawPageViews, @DefaultValue("2d") Duration minuteRollups) {
}
