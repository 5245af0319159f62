package ir.sarkhat.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import ir.sarkhat.kit.test.EventContracts;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PageViewIT extends GatewayIntegrationTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) SarkhatTest/1.0";

    @Autowired
    EmbeddedKafkaBroker broker;

    private Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "page-view-it-" + UUID.randomUUID(), false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        broker.consumeFromAnEmbeddedTopic(consumer, "page-views");
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void anArticlePageReadPublishesExactlyOneContractValidPageViewed() {
        Instant before = Instant.now().minusSeconds(1);
        String serverTiming = http().get().uri("/articles/x")
                .header(HttpHeaders.USER_AGENT, UA)
                .header(HttpHeaders.REFERER, "https://www.google.com/")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Sarkhat-Article-Id")
                .expectHeader().valueEquals("X-Stub-Service", "article-service")
                .returnResult(String.class).getResponseHeaders().getFirst("Server-Timing");

        ConsumerRecord<String, String> record = awaitRecord(r -> "a1".equals(r.key()));
        pollQuietly();
        assertThat(seen.stream().filter(r -> "a1".equals(r.key()))).as("exactly one event for one read").hasSize(1);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo("/sarkhat/gateway");
        assertThat(header(record, "ce_type")).isEqualTo("sarkhat.page.viewed.v1");
        assertThat(header(record, "ce_subject")).isEqualTo("a1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(header(record, "ce_time"))).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();

        EventContracts.assertValid("page-viewed.v1.schema.json", record.value());
        JsonNode event = JsonMapper.builder().build().readTree(record.value());
        assertThat(event.get("pageviewId").asString()).isEqualTo(header(record, "ce_id"));
        assertThat(event.get("articleId").asString()).isEqualTo("a1");
        assertThat(event.get("viewedAt").asString()).isEqualTo(header(record, "ce_time"));
        assertThat(event.get("path").asString()).isEqualTo("/articles/x");
        assertThat(event.get("referrer").asString()).isEqualTo("https://www.google.com/");
        // The page's beacon learns the same id, so its copy of this view counts once.
        assertThat(serverTiming).isEqualTo("pv;desc=\"" + header(record, "ce_id") + "\"");
        // No user agent leaves the gateway: only the classes derived from it.
        assertThat(event.has("userAgent")).isFalse();
        assertThat(record.value()).doesNotContain(UA).doesNotContain("x86_64");
        assertThat(event.get("origin").asString()).isEqualTo("server");
        assertThat(event.get("os").asString()).isEqualTo("Linux");
        assertThat(event.get("visitorKey").asString()).matches("[0-9a-f]{32}");

        // The raw IP goes nowhere: not in the value, not in any header.
        assertThat(record.value()).doesNotContain("127.0.0.1");
        for (Header h : record.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void theSameVisitorGetsTheSameKeyOnTheSameDayAndAPersianSlugKeepsItsEncodedPath() {
        String slug = "%D9%BE%D9%86%D8%AC%D8%B1%D9%87";
        http().get().uri(URI.create("http://127.0.0.1:" + port + "/articles/" + slug))
                .header(HttpHeaders.USER_AGENT, UA).exchange().expectStatus().isOk();
        http().get().uri("/articles/same-visitor").header(HttpHeaders.USER_AGENT, UA).exchange().expectStatus().isOk();

        ConsumerRecord<String, String> persian = awaitRecord(r -> ("art-" + slug).equals(r.key()));
        ConsumerRecord<String, String> other = awaitRecord(r -> "art-same-visitor".equals(r.key()));
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(persian.value()).get("path").asString()).isEqualTo("/articles/" + slug);
        assertThat(json.readTree(persian.value()).get("visitorKey").asString())
                .isEqualTo(json.readTree(other.value()).get("visitorKey").asString());
        assertThat(json.readTree(persian.value()).get("referrer").isNull()).isTrue();
    }

    @Test
    void aCrawlersReadIsSentMarkedAsARobotSoItIsCountedOnlyAsDropped() {
        http().get().uri("/articles/crawled")
                .header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .exchange().expectStatus().isOk();

        ConsumerRecord<String, String> record = awaitRecord(r -> "art-crawled".equals(r.key()));
        assertThat(JsonMapper.builder().build().readTree(record.value()).get("excluded").asString()).isEqualTo("robot");
        EventContracts.assertValid("page-viewed.v1.schema.json", record.value());
    }

    @Test
    void nonArticleOrNon200ResponsesPublishNothingAndNeverLeakTheHeader() {
        http().get().uri("/articles/missing-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist("X-Sarkhat-Article-Id");
        http().get().uri("/articles/no-id-1").exchange().expectStatus().isOk();
        http().get().uri("/articles/deeper/page-2").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Sarkhat-Article-Id");
        http().post().uri("/articles/posted-3").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Sarkhat-Article-Id");
        http().head().uri("/articles/head-4").exchange().expectStatus().isOk();
        http().get().uri("/api/articles/api-5").exchange().expectStatus().isOk();

        // A real read afterwards goes through the same sender: once it is out, the others would be too.
        http().get().uri("/articles/marker-after-negatives").exchange().expectStatus().isOk();
        awaitRecord(r -> "art-marker-after-negatives".equals(r.key()));
        pollQuietly();

        assertThat(seen).extracting(ConsumerRecord::key)
                .doesNotContain("art-missing-1", "art-page-2", "art-posted-3", "art-head-4");
        assertThat(seen).allSatisfy(r -> assertThat(r.key()).isNotNull());
    }

    @Test
    void aSignedInStaffMembersPagesInAPlainTabAreExcludedAsStaffByTheirCookieAndOthersCount() {
        String agent = UA + " staff-tab";
        ResponseCookie staffCookie = http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("sarkhat_staff");
        assertThat(staffCookie).isNotNull();
        assertThat(staffCookie.isHttpOnly()).isTrue();
        assertThat(staffCookie.getSameSite()).isEqualTo("Lax");
        assertThat(staffCookie.getPath()).isEqualTo("/");
        assertThat(staffCookie.isSecure()).as("plain http here; Secure behind https").isFalse();
        assertThat(staffCookie.getMaxAge()).isEqualTo(Duration.ofHours(12));

        // A navigation: the cookie, no Authorization header.
        http().get().uri("/articles/read-by-staff").header(HttpHeaders.USER_AGENT, agent)
                .cookie("sarkhat_staff", staffCookie.getValue()).exchange().expectStatus().isOk();
        http().get().uri("/articles/read-by-reader").header(HttpHeaders.USER_AGENT, agent).exchange().expectStatus().isOk();
        String tampered = staffCookie.getValue().replaceFirst("^\\d+", "9999999999");
        http().get().uri("/articles/read-with-forged-cookie").header(HttpHeaders.USER_AGENT, agent)
                .cookie("sarkhat_staff", tampered).exchange().expectStatus().isOk();

        JsonMapper json = JsonMapper.builder().build();
        JsonNode staffView = json.readTree(awaitRecord(r -> "art-read-by-staff".equals(r.key())).value());
        assertThat(staffView.get("excluded").asString()).isEqualTo("staff");
        assertThat(json.readTree(awaitRecord(r -> "art-read-by-reader".equals(r.key())).value()).hasNonNull("excluded"))
                .isFalse();
        assertThat(json.readTree(awaitRecord(r -> "art-read-with-forged-cookie".equals(r.key())).value())
                .hasNonNull("excluded")).isFalse();

        // Signing out clears it.
        ResponseCookie cleared = http().post().uri("/api/auth/logout").exchange().expectStatus().isNoContent()
                .returnResult(String.class).getResponseCookies().getFirst("sarkhat_staff");
        assertThat(cleared).isNotNull();
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getValue()).isEmpty();
    }

    @Test
    void aVisitorsViewsOverTheDailyThresholdAreSentExcludedAsHitThreshold() {
        String agent = UA + " reads-everything";  // the threshold is 5 in these tests
        for (int i = 1; i <= 7; i++) {
            http().get().uri("/articles/greedy-" + i).header(HttpHeaders.USER_AGENT, agent).exchange().expectStatus().isOk();
        }
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 1; i <= 7; i++) {
            String key = "art-greedy-" + i;
            JsonNode event = json.readTree(awaitRecord(r -> key.equals(r.key())).value());
            if (i <= 5) {
                assertThat(event.hasNonNull("excluded")).as("view %d", i).isFalse();
            } else {
                assertThat(event.get("excluded").asString()).as("view %d", i).isEqualTo("hit-threshold");
            }
        }
        // Another visitor (another user agent) is not affected.
        http().get().uri("/articles/modest-reader").header(HttpHeaders.USER_AGENT, UA + " modest").exchange()
                .expectStatus().isOk();
        assertThat(json.readTree(awaitRecord(r -> "art-modest-reader".equals(r.key())).value()).hasNonNull("excluded"))
                .isFalse();
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return seen.stream().filter(wanted).findFirst().orElse(null);
        }, found -> found != null);
    }

    /** Reads whatever else arrives for a moment, to catch a duplicate or an event that should not exist. */
    private void pollQuietly() {
        consumer.poll(Duration.ofSeconds(2)).forEach(seen::add);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
