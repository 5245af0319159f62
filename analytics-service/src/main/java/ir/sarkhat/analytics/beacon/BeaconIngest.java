package ir.sarkhat.analytics.beacon;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.web.util.UriComponentsBuilder;

import ir.sarkhat.analytics.article.ArticleCatalog;
import ir.sarkhat.kit.events.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a stamped beacon into a PageViewed (origin beacon) or PageEngaged on {@code page-views}, like every other
 * page view. What cannot be a view of a published article (an invalid URL, another page, an unknown slug) is
 * accepted and ignored: a beacon has no one to show an error to. A pageviewId that is not a UUID is replaced by a
 * random one, so a forged id can at most stand for one more view by the same stamped visitor.
 */
@Component
public class BeaconIngest {

    static final String TOPIC = "page-views";
    static final String VIEWED = "sarkhat.page.viewed.v1";
    static final String ENGAGED = "sarkhat.page.engaged.v1";
    static final String SOURCE = "/sarkhat/analytics-service";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_URL = 4096;
    private static final int MAX_FIELD = 200;
    private static final long MAX_ENGAGED_MS = 24 * 3600 * 1000L;

    private final ArticleCatalog catalog;
    private final BeaconPublisher publisher;
    private final JsonMapper json = JsonMapper.builder().build(); // the contract must not follow web settings
    private final Clock clock;
    private final Cache<String, String> articleIdBySlug = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    BeaconIngest(ArticleCatalog catalog, BeaconPublisher publisher, Clock clock) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @return true when an event was handed to the producer, false when the beacon was ignored
     * @throws BeaconPublisher.ProducerBusyException when the producer cannot take the event now
     */
    public boolean accept(BeaconEvent beacon, BeaconStamp.Stamp stamp) {
        if (beacon == null || beacon.url() == null || beacon.url().length() > MAX_URL) {
            return false;
        }
        Optional<URI> url = parse(beacon.url());
        Optional<String> articleId = url.flatMap(this::articleOf);
        if (articleId.isEmpty()) {
            return false;
        }
        String pageviewId = beacon.pageviewId() != null && UUID_TEXT.matcher(beacon.pageviewId()).matches()
                ? beacon.pageviewId().toLowerCase() : UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if ("engagement".equals(beacon.type())) {
            if (beacon.engagedMs() == null || beacon.engagedMs() < 0) {
                return false;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("pageviewId", pageviewId);
            data.put("articleId", articleId.get());
            data.put("engagedMs", Math.min(beacon.engagedMs(), MAX_ENGAGED_MS));
            data.put("reportedAt", now.toString());
            send(UUID.randomUUID().toString(), ENGAGED, articleId.get(), now, data);
            return true;
        }
        if (!"pageview".equals(beacon.type())) {
            return false;
        }
        Map<String, String> query = query(url.get());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pageviewId", pageviewId);
        data.put("articleId", articleId.get());
        data.put("viewedAt", now.toString());
        data.put("path", url.get().getRawPath());
        data.put("referrer", bounded(beacon.referrer(), MAX_URL));
        data.put("visitorKey", stamp.visitorKey());
        data.put("origin", "beacon");
        data.put("url", beacon.url());
        data.put("utmSource", bounded(first(beacon.utmSource(), query.get("utm_source")), MAX_FIELD));
        data.put("utmMedium", bounded(first(beacon.utmMedium(), query.get("utm_medium")), MAX_FIELD));
        data.put("utmCampaign", bounded(first(beacon.utmCampaign(), query.get("utm_campaign")), MAX_FIELD));
        data.put("ref", bounded(query.get("ref"), MAX_FIELD));
        data.put("screenWidth", beacon.screenWidth() != null && beacon.screenWidth() > 0 && beacon.screenWidth() < 100_000
                ? beacon.screenWidth() : null);
        data.put("browser", stamp.browser());
        data.put("os", stamp.os());
        data.put("device", stamp.device());
        data.put("excluded", stamp.excluded());
        send(pageviewId, VIEWED, articleId.get(), now, data);
        return true;
    }

    private void send(String id, String type, String articleId, Instant time, Map<String, Object> data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, articleId, json.writeValueAsString(data));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, SOURCE);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, articleId);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        publisher.publish(record);
    }

    private Optional<String> articleOf(URI url) {
        String path = url.getPath();
        if (path == null || !path.startsWith("/articles/")) {
            return Optional.empty();
        }
        String slug = path.substring("/articles/".length());
        if (slug.isEmpty() || slug.contains("/") || slug.length() > MAX_FIELD * 4) {
            return Optional.empty();
        }
        // Every beacon names its article by slug: remember the ones found, so a read of a popular article does not
        // cost a database query per beacon. Only hits are kept (the replica never forgets or renames an article).
        String known = articleIdBySlug.getIfPresent(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = catalog.idOfSlug(slug);
        found.ifPresent(id -> articleIdBySlug.put(slug, id));
        return found;
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url.strip());
            return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            UriComponentsBuilder.fromUri(url).build().getQueryParams().forEach((name, list) -> {
                if (!list.isEmpty() && list.get(0) != null) {
                    values.put(name, URLDecoder.decode(list.get(0), StandardCharsets.UTF_8));
                }
            });
        } catch (IllegalArgumentException malformed) {
            // no usable query: no UTM values
        }
        return values;
    }

    private static String first(String explicit, String fromUrl) {
        return explicit != null && !explicit.isBlank() ? explicit : fromUrl;
    }

    private static String bounded(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
