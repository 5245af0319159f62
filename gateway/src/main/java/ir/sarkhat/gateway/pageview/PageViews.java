package ir.sarkhat.gateway.pageview;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns an observed page read into a PageViewed event and hands it to the publisher. Fire and forget. */
@Component
class PageViews {

    private static final Logger log = LoggerFactory.getLogger(PageViews.class);
    private static final int MAX_HEADER_LENGTH = 1024; // bounds event size against absurd headers

    private final VisitorSalts salts;
    private final PageViewPublisher publisher;
    private final UserAgents userAgents;
    private final VisitorHits visitorHits;

    PageViews(VisitorSalts salts, PageViewPublisher publisher, UserAgents userAgents, VisitorHits visitorHits) {
        this.salts = salts;
        this.visitorHits = visitorHits;
        this.publisher = publisher;
        this.userAgents = userAgents;
    }

    void record(PageRead read) {
        String viewedAt = DateTimeFormatter.ISO_INSTANT.format(read.viewedAt().truncatedTo(ChronoUnit.MILLIS));
        LocalDate day = read.viewedAt().atZone(ZoneOffset.UTC).toLocalDate();
        salts.saltFor(day)
                .flatMap(salt -> {
                    Client classified = userAgents.classify(read.userAgent());
                    Client client = read.staff() ? classified.excludedAs("staff") : classified;
                    String visitorKey = VisitorKeys.of(salt, read.clientIp(), read.userAgent());
                    // Only views that would count are counted against the threshold (robots and staff are out already).
                    Mono<Client> judged = client.excluded() != null ? Mono.just(client)
                            : visitorHits.addView(day, visitorKey)
                                    .map(over -> over ? client.excludedAs(VisitorHits.REASON) : client);
                    return judged.map(c -> new PageViewed(read.pageviewId(), read.articleId(), viewedAt, read.path(),
                            bounded(read.referrer()), visitorKey, "server", c.browser(), c.os(), c.device(),
                            c.excluded()));
                })
                .subscribe(publisher::publish, e -> log.warn(
                        "Page view of article {} dropped: no visitor salt could be read ({})",
                        read.articleId(), e.toString()));
    }

    private static String bounded(String header) {
        return header == null || header.length() <= MAX_HEADER_LENGTH ? header : header.substring(0, MAX_HEADER_LENGTH);
    }
}
