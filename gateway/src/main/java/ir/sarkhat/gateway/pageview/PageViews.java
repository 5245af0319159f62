package ir.sarkhat.gateway.pageview;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns an observed page read into a PageViewed event and hands it to the publisher. Fire and forget. */
@Component
class PageViews {

    private static final Logger log = LoggerFactory.getLogger(PageViews.class);
    private static final int MAX_HEADER_LENGTH = 1024; // bounds event size against absurd headers

    private final VisitorSalts salts;
    private final PageViewPublisher publisher;
    private final UserAgents userAgents;

    PageViews(VisitorSalts salts, PageViewPublisher publisher, UserAgents userAgents) {
        this.salts = salts;
        this.publisher = publisher;
        this.userAgents = userAgents;
    }

    void record(PageRead read) {
        String viewedAt = DateTimeFormatter.ISO_INSTANT.format(read.viewedAt().truncatedTo(ChronoUnit.MILLIS));
        salts.saltFor(read.viewedAt().atZone(ZoneOffset.UTC).toLocalDate())
                .map(salt -> {
                    Client client = userAgents.classify(read.userAgent());
                    if (read.staff()) {
                        client = client.excludedAs("staff");
                    }
                    return new PageViewed(read.pageviewId(), read.articleId(), viewedAt, read.path(),
                            bounded(read.referrer()), VisitorKeys.of(salt, read.clientIp(), read.userAgent()), "server",
                            client.browser(), client.os(), client.device(), client.excluded());
                })
                .subscribe(publisher::publish, e -> log.warn(
                        "Page view of article {} dropped: no visitor salt could be read ({})",
                        read.articleId(), e.toString()));
    }

    private static String bounded(String header) {
        return header == null || header.length() <= MAX_HEADER_LENGTH ? header : header.substring(0, MAX_HEADER_LENGTH);
    }
}
