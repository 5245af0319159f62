package ir.sarkhat.analytics.pageview;

/**
 * Where a view came from and on what: the breakdown dimensions. {@code source} is null for direct traffic; the
 * client fields are null when unknown.
 */
public record Traffic(String source, String campaign, String browser, String os, String device) {

    public static final Traffic UNKNOWN = new Traffic(null, null, null, null, null);
}
