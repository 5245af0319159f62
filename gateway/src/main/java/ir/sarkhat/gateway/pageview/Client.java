package ir.sarkhat.gateway.pageview;

/**
 * What the gateway tells analytics about a reader's client instead of its user agent: browser, OS and device class,
 * and why the hit must not count ({@code robot}, {@code headless}, {@code staff}), or null when it counts.
 */
record Client(String browser, String os, String device, String excluded) {

    Client excludedAs(String reason) {
        return new Client(browser, os, device, reason);
    }
}
