package ir.sarkhat.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service built on the kit hears the gateway's {@code staff-sessions} events and refuses the ended sessions'
 * tokens at its own port, while every other token keeps working. The events are the contract's examples with
 * fresh times and ids, validated against the schema before they are sent.
 */
@SpringBootTest(classes = ir.sarkhat.kit.sample.SampleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=sample",
                "spring.kafka.consumer.group-id=sample",
                "sarkhat.outbox.collections=things",
                "sarkhat.kafka.produces=things",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(partitions = 3)
class SessionRevocationIT {

    private static final String SCHEMA = "staff-sessions-revoked.v1.schema.json";
    private static final String TYPE = "sarkhat.staff.sessions-revoked.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BODY = "{\"name\":\"a\",\"size\":1}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("kit-revocation-test"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedOutSessionsTokenIsRefusedWithinSecondsAndOtherSessionsKeepWorking() throws Exception {
        Instant issued = Instant.now().minusSeconds(30);
        String signedOut = TestTokens.bearerOfSession("maryam", "laptop-" + UUID.randomUUID(), issued, "EDITOR");
        String sameUserOtherSession = TestTokens.bearerOfSession("maryam", "phone-" + UUID.randomUUID(), issued,
                "EDITOR");
        String otherUser = TestTokens.bearerOfSession("reza", "reza-" + UUID.randomUUID(), issued, "EDITOR");
        assertThat(status(signedOut)).isEqualTo(201);

        publish(revocation(0, "maryam", List.of(sessionOf(signedOut)), false, Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> refused = post(signedOut);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        });
        assertThat(status(sameUserOtherSession)).isEqualTo(201);
        assertThat(status(otherUser)).isEqualTo(201);
    }

    @Test
    void aDisabledAccountsTokensAreRefusedButASignInAfterwardsWorksEvenInTheSameSecond() throws Exception {
        String user = "disabled-" + UUID.randomUUID();
        Instant revokedAt = Instant.now();
        Instant second = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        String earlier = TestTokens.bearerOfSession(user, "old-" + UUID.randomUUID(), second.minusSeconds(5), "EDITOR");
        String noSession = TestTokens.bearerOfSession(user, null, second.minusSeconds(1), "EDITOR");
        String listedSession = "listed-" + UUID.randomUUID();
        // Issued in the very second of the revocation: only its sid tells it from a new sign-in.
        String sameSecondListed = TestTokens.bearerOfSession(user, listedSession, second, "EDITOR");
        String sameSecondNewSignIn = TestTokens.bearerOfSession(user, "new-" + UUID.randomUUID(), second, "EDITOR");
        String anotherUser = TestTokens.bearerOfSession("bystander", "b-" + UUID.randomUUID(), second, "EDITOR");
        assertThat(status(earlier)).isEqualTo(201);

        // A record nobody can read first: it is skipped, the consumer goes on.
        KafkaProbe.sendCloudEvent(kafka.getBrokersAsString(), "staff-sessions", user, TYPE, "{not json");
        publish(revocation(1, user, List.of(listedSession), true, revokedAt));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(earlier)).isEqualTo(401));
        assertThat(status(noSession)).isEqualTo(401);
        assertThat(status(sameSecondListed)).isEqualTo(401);
        assertThat(status(sameSecondNewSignIn)).isEqualTo(201);
        assertThat(status(anotherUser)).isEqualTo(201);
        String nextSecond = TestTokens.bearerOfSession(user, "later-" + UUID.randomUUID(), second.plusSeconds(1),
                "EDITOR");
        assertThat(status(nextSecond)).isEqualTo(201);
    }

    /** The schema's example number {@code index}, with this revocation's facts, checked against the schema. */
    private static String revocation(int index, String username, List<String> sessions, boolean all, Instant at) {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples(SCHEMA).get(index));
        data.put("username", username);
        data.putPOJO("sessionIds", sessions);
        data.put("allSessions", all);
        data.put("revokedBefore", at.truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("tokensExpireBy", at.plus(Duration.ofMinutes(16)).toString());
        String json = JSON.writeValueAsString(data);
        EventContracts.assertValid(SCHEMA, json);
        return json;
    }

    private void publish(String json) {
        KafkaProbe.sendCloudEvent(kafka.getBrokersAsString(), "staff-sessions",
                JSON.readTree(json).path("username").asString(), TYPE, json);
    }

    private static String sessionOf(String bearer) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(bearer.substring(7)).getJWTClaimsSet().getStringClaim("sid");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String bearer) throws Exception {
        return post(bearer).statusCode();
    }

    private HttpResponse<String> post(String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
