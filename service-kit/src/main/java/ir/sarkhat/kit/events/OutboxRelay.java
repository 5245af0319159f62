package ir.sarkhat.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import ir.sarkhat.kit.observability.TraceParents;

/**
 * Hands pending events from aggregate documents to Kafka, then removes them from the document.
 * <p>
 * Order of the two steps is what makes this safe without transactions: an event leaves the document
 * only after the broker acknowledged it ({@code acks=all}, idempotent producer). A crash in between
 * sends it again later; consumers are idempotent. While Kafka is down the relay backs off (up to
 * 30 s) and the events stay in their documents: the writes that produced them already succeeded.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Name of the index of pending events on each outbox collection. */
    public static final String PENDING_INDEX = "outbox_pending";
    private static final String PENDING_FIELD = "outbox.eventId";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final String source;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final OutboxLeases leases;
    private volatile TraceParents traceParents;

    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile boolean indexed;
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
            String source, Duration pollInterval, Duration sendTimeout) {
        this(mongo, kafka, collections, source, pollInterval, sendTimeout, Duration.ofSeconds(10));
    }

    /** @param lease how long one instance's relay keeps a collection after its last pass (see {@link OutboxLeases}) */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
            String source, Duration pollInterval, Duration sendTimeout, Duration lease) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.leases = new OutboxLeases(mongo, lease);
    }

    /** Sends each event in the trace of the request that stored it (see {@link OutboxEvent#traceparent()}). */
    public void continueTraces(TraceParents traceParents) {
        this.traceParents = traceParents;
    }

    /** Asks for a relay pass soon, so a fresh event does not wait for the next poll. */
    public void wakeUp() {
        if (running && wakeUpQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpQueued.set(false);
                relayIfDue();
            });
        }
    }

    /**
     * One pass over every outbox collection whose lease this relay holds (or can take).
     *
     * @return how many events were handed to Kafka
     * @throws OutboxRelayException when Kafka did not acknowledge an event (it stays pending)
     */
    public int relayOnce() {
        int sent = 0;
        for (String collection : collections) {
            if (leases.hold(collection)) {
                try {
                    sent += relayCollection(collection);
                } catch (RuntimeException e) {
                    // Perhaps only this instance cannot reach Kafka: let another one try meanwhile.
                    leases.release(collection);
                    throw e;
                }
            }
        }
        return sent;
    }

    /** The collections whose documents carry an outbox. */
    public List<String> collections() {
        return collections;
    }

    /** Number of events still waiting, for metrics and tests. */
    public long pendingEvents() {
        return backlog().values().stream().mapToLong(Backlog::events).sum();
    }

    /** Per outbox collection: how many events wait and since when the oldest one waits. */
    public Map<String, Backlog> backlog() {
        Map<String, Backlog> backlog = new LinkedHashMap<>();
        for (String collection : collections) {
            long events = 0;
            Instant oldest = null;
            for (Document doc : mongo.find(pendingQuery(), Document.class, collection)) {
                for (Document event : doc.getList("outbox", Document.class)) {
                    events++;
                    Instant time = time(event.get("time"));
                    oldest = oldest == null || time.isBefore(oldest) ? time : oldest;
                }
            }
            backlog.put(collection, new Backlog(events, oldest));
        }
        return backlog;
    }

    /** Events waiting in one collection; {@code oldest} is null when none wait. */
    public record Backlog(long events, Instant oldest) {
    }

    private int relayCollection(String collection) {
        int sent = 0;
        for (Document doc : mongo.find(pendingQuery().limit(BATCH), Document.class, collection)) {
            for (Document event : doc.getList("outbox", Document.class)) {
                publish(event);
                // The raw driver call keeps _id exactly as stored: Spring's query mapping would turn an
                // ObjectId-looking string id into an ObjectId and then match nothing.
                mongo.getCollection(collection).updateOne(Filters.eq("_id", doc.get("_id")),
                        Updates.pull("outbox", Filters.eq("eventId", event.getString("eventId"))));
                sent++;
            }
        }
        return sent;
    }

    /**
     * Documents with a pending event. Served by the sparse index {@value #PENDING_INDEX} on {@code outbox.eventId}: a
     * document enters it when an event is pushed and leaves when its outbox is empty again, so the index holds only
     * the documents waiting for the relay, not the whole collection. ({@code "outbox.0": {$exists: true}} meant the
     * same, but no index serves a positional path.)
     */
    private static Query pendingQuery() {
        Query query = Query.query(Criteria.where(PENDING_FIELD).exists(true));
        query.fields().include("outbox");
        return query;
    }

    /** Creates the pending-events index on every outbox collection; idempotent, retried on the next pass if Mongo failed. */
    void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (String collection : collections) {
            mongo.indexOps(collection).createIndex(new Index().on(PENDING_FIELD, Sort.Direction.ASC).sparse()
                    .named(PENDING_INDEX));
        }
        indexed = true;
    }

    private void publish(Document event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
                event.getString("data"));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.getString("eventId"));
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, event.getString("type"));
        header(record, CloudEventHeaders.TIME, time(event.get("time")).toString());
        header(record, CloudEventHeaders.SUBJECT, event.getString("key"));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        TraceParents traces = traceParents;
        if (traces == null) {
            send(record, event);
        } else {
            // The relay span continues the stored request trace; the record carries it (a template
            // with observation enabled adds its own producer span's traceparent after this one).
            traces.continueTrace(event.getString("traceparent"), "outbox relay " + record.topic(), () -> {
                String traceparent = traces.current();
                if (traceparent != null) {
                    header(record, TraceParents.HEADER, traceparent);
                }
                send(record, event);
            });
        }
    }

    private void send(ProducerRecord<String, String> record, Document event) {
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("Interrupted while publishing " + event.getString("eventId"), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new OutboxRelayException("Kafka did not acknowledge event " + event.getString("eventId"), e);
        }
    }

    private static Instant time(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return Instant.now();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void relayIfDue() {
        if (!running || Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            ensureIndexes();
            relayOnce();
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            nextAttempt = Instant.now().plus(backoff);
            log.warn("Outbox relay paused for {}: {}", backoff, e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ensureIndexes();
        } catch (RuntimeException e) {
            log.warn("Could not create the outbox indexes yet (retried by the relay): {}", e.toString());
        }
        running = true;
        executor.scheduleWithFixedDelay(this::relayIfDue, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Hand the collections over now, not when the leases expire (a rolling restart).
        for (String collection : collections) {
            try {
                leases.release(collection);
            } catch (RuntimeException e) {
                log.debug("Could not release the outbox lease of {}: {}", collection, e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
