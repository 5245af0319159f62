package ir.sarkhat.gateway.observability;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code sarkhat.gateway.pageview.spool.size}: page views Kafka did not take, waiting in MongoDB for the
 * relay. Above zero for long means Kafka is unreachable from the gateway. Counted on a schedule (a
 * gauge is read on the event loop, where a database call must not block).
 */
@Component
class PageViewSpoolMetrics implements MeterBinder {

    /** The spool collection of the pageview package (UnsentPageViews.COLLECTION). */
    static final String SPOOL = "unsent_page_views";
    private static final Logger log = LoggerFactory.getLogger(PageViewSpoolMetrics.class);

    private final ReactiveMongoTemplate mongo;
    private final AtomicLong spooled = new AtomicLong();

    PageViewSpoolMetrics(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sarkhat.gateway.pageview.spool.size", spooled, AtomicLong::get)
                .description("Page views waiting in MongoDB because Kafka did not take them")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${sarkhat.gateway.page-views.spool-metrics-interval:15s}")
    void count() {
        mongo.count(new Query(), SPOOL).subscribe(spooled::set,
                e -> log.debug("Could not count the page-view spool: {}", e.toString()));
    }
}
