package ir.sarkhat.gateway.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jwt.SignedJWT;
import ir.sarkhat.gateway.GatewayIntegrationTest;
import ir.sarkhat.gateway.token.EndedSessions;
import ir.sarkhat.gateway.token.SecurityProperties;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Ending a session ends its access tokens: at this gateway at once, at the other gateway instances through the shared
 * collection, and at the services through a {@code staff-sessions} event that matches its contract. A sign-in right
 * after keeps working.
 */
class SessionRevocationIT extends GatewayIntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String SCHEMA = "staff-sessions-revoked.v1.schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    SecurityProperties properties;

    @Autowired
    RefreshTokens refreshTokens;

    @Test
    void signingOutRefusesThatSessionsTokensAndNoOtherSessions() throws Exception {
        createAdmin("two-laptops");
        Map<String, Object> laptop = signIn("two-laptops", PASSWORD);
        Map<String, Object> phone = signIn("two-laptops", PASSWORD);
        String laptopToken = (String) laptop.get("accessToken");
        String otherAdmin = adminToken();
        staffList(laptopToken).expectStatus().isOk();
        Map<String, Object> refreshed = refresh((String) laptop.get("refreshToken"));
        String refreshedToken = (String) refreshed.get("accessToken");
        assertThat(sid(refreshedToken)).as("a refresh stays in its session").isEqualTo(sid(laptopToken));

        http().post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshed.get("refreshToken"))).exchange()
                .expectStatus().isNoContent();

        staffList(laptopToken).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The session of this token has ended. Sign in again.");
        staffList(refreshedToken).expectStatus().isUnauthorized();
        staffList((String) phone.get("accessToken")).expectStatus().isOk();
        staffList(otherAdmin).expectStatus().isOk();

        JsonNode event = awaitEvent("two-laptops", sid(laptopToken));
        assertThat(event.path("allSessions").asBoolean()).isFalse();
        assertThat(event.path("sessionIds").size()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.count(
                Query.query(Criteria.where("username").is("two-laptops").and("pending").exists(true)),
                SessionRevocations.COLLECTION).block()).as("relayed, no longer pending").isZero());

        // Logging out again publishes nothing more.
        http().post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshed.get("refreshToken"))).exchange()
                .expectStatus().isNoContent();
        assertThat(mongo.count(Query.query(Criteria.where("username").is("two-laptops")),
                SessionRevocations.COLLECTION).block()).isEqualTo(1);
    }

    @Test
    void disablingOrResettingAnAccountRefusesAllItsTokensAndASignInRightAfterWorks() throws Exception {
        createAdmin("to-disable");
        String first = (String) signIn("to-disable", PASSWORD).get("accessToken");
        String second = (String) signIn("to-disable", PASSWORD).get("accessToken");
        String admin = "Bearer " + adminToken();
        staffList(first).expectStatus().isOk();

        put(admin, "/api/admin/staff/to-disable/enabled", Map.of("enabled", false)).expectStatus().isOk();
        staffList(first).expectStatus().isUnauthorized();
        staffList(second).expectStatus().isUnauthorized();
        JsonNode disabled = awaitEvent("to-disable", sid(first));
        assertThat(disabled.path("allSessions").asBoolean()).isTrue();
        assertThat(disabled.path("sessionIds").toString()).contains(sid(second));

        // Within the same second, most likely: the new session's token must work.
        put(admin, "/api/admin/staff/to-disable/enabled", Map.of("enabled", true)).expectStatus().isOk();
        String afterEnabling = (String) signIn("to-disable", PASSWORD).get("accessToken");
        staffList(afterEnabling).expectStatus().isOk();

        put(admin, "/api/admin/staff/to-disable/password", Map.of("password", "another-long-password"))
                .expectStatus().isNoContent();
        staffList(afterEnabling).expectStatus().isUnauthorized();
        String afterReset = (String) signIn("to-disable", "another-long-password").get("accessToken");
        staffList(afterReset).expectStatus().isOk();
        awaitEvent("to-disable", sid(afterEnabling));
    }

    @Test
    void anotherGatewayInstancesSignOutReachesThisOneThroughTheSharedCollection() throws Exception {
        createAdmin("elsewhere");
        String token = (String) signIn("elsewhere", PASSWORD).get("accessToken");
        staffList(token).expectStatus().isOk();

        // Another instance: its own memory, the same database.
        new SessionRevocations(mongo, new EndedSessions(properties), properties)
                .revoke("elsewhere", List.of(sid(token)), false).block();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> staffList(token).expectStatus().isUnauthorized());
    }

    @Test
    void aRefreshRacingTheSignOutCannotReviveTheSession() {
        String family = RefreshTokens.newFamily();
        String first = refreshTokens.startFamily("racer", family).block();
        RefreshTokens.Rotated rotated = refreshTokens.use(first).block();
        // The sign-out lands between the use of the old token and the insert of the next one.
        refreshTokens.revokeFamilyOf(first).block();

        assertThatThrownBy(() -> refreshTokens.issue("racer", family, rotated.familyExpiresAt()).block())
                .isInstanceOf(ir.sarkhat.gateway.problem.ProblemException.class);
        assertThat(mongo.count(Query.query(Criteria.where("family").is(family).and("revoked").is(false)),
                RefreshTokens.COLLECTION).block()).as("no live token left in the ended session").isZero();
    }

    @Test
    void aRevocationKafkaDidNotTakeWaitsAndGoesOutLater() throws Exception {
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, String> down = mock(KafkaTemplate.class);
        when(down.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker away")));
        SessionRevocationRelay refused = new SessionRevocationRelay(mongo, down, "staff-sessions");
        SessionRevocations revocations = new SessionRevocations(mongo, new EndedSessions(properties), properties);

        revocations.revoke("while-kafka-is-down", List.of("session-while-down"), false).block();
        assertThatThrownBy(refused::relayOnce).isInstanceOf(IllegalStateException.class);
        assertThat(mongo.count(Query.query(Criteria.where("username").is("while-kafka-is-down")
                .and("pending").is(true)), SessionRevocations.COLLECTION).block()).isEqualTo(1);

        awaitEvent("while-kafka-is-down", "session-while-down");
    }

    private JsonNode awaitEvent(String username, String session) {
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(kafka.getBrokersAsString(), "staff-sessions",
                r -> username.equals(r.key()) && r.value().contains(session), Duration.ofSeconds(40));
        EventContracts.assertValid(SCHEMA, record.value());
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("sarkhat.staff.sessions-revoked.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/sarkhat/gateway");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(username);
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.path("username").asString()).isEqualTo(username);
        return data;
    }

    private static String sid(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    private void createAdmin(String username) {
        http().post().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "roles", List.of("ADMIN")))
                .exchange().expectStatus().isCreated();
    }

    private Map<String, Object> signIn(String username, String password) {
        return http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> refresh(String refreshToken) {
        return http().post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec staffList(String accessToken) {
        return http().get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String authorization, String path, Object body) {
        return http().put().uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
