package ir.sarkhat.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import ir.sarkhat.kit.test.TokenChecks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comment service as readers, moderators and the other services meet it: over HTTP and Kafka,
 * with a real broker and a MongoDB-protocol store. Subclasses supply the infrastructure (embedded
 * here, containers where Docker exists); the scenarios are the same.
 */
@SpringBootTest(classes = { CommentServiceApplication.class, TestClock.Config.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.comments.identity-salt=test-salt",
        "sarkhat.comments.moderation.hold-words=بررسی‌کن,hold-me",
        "sarkhat.comments.moderation.block-words=casino-spam,قمارخانه",
        "sarkhat.kafka.retry.initial-interval-ms=50",
        "sarkhat.outbox.poll-interval=200ms" })
abstract class CommentServiceScenarios {

    static final String ARTICLE_EVENTS = "article-events";
    static final String COMMENT_EVENTS = "comment-events";
    static final String PUBLISHED = "sarkhat.article.published.v1";
    static final String PUBLISHED_SCHEMA = "article-published.v1.schema.json";
    static final String SUBMITTED_SCHEMA = "comment-submitted.v1.schema.json";
    static final String APPROVED_SCHEMA = "comment-approved.v1.schema.json";
    static final String EMAIL = "maryam.reader@example.ir";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.util.Random RANDOM = new java.util.Random();

    @DynamicPropertySource
    static void staffTokens(DynamicPropertyRegistry registry) {
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    ir.sarkhat.comment.comments.TrashPurge purge;

    @Test
    void aReaderCommentIsModeratedThenPublishedWithOneEventPerStep() {
        // The article arrives by event (the contract's own example), delivered twice.
        String example = EventContracts.examples(PUBLISHED_SCHEMA).get(0);
        String articleId = JSON.readTree(example).get("articleId").asString();
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, PUBLISHED, example, eventId);
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, PUBLISHED, example, eventId);

        String newComment = """
                {"authorName":"مريم","authorEmail":"%s","body":"خبر خوبی بود، ممنون.\\nادامه بدهید",
                 "status":"APPROVED","approvedBy":"me","nonsense":42}""".formatted(EMAIL);
        HttpResponse<String> submitted = await().atMost(Duration.ofSeconds(30))
                .until(() -> post(commentsOf(articleId), newComment, null), r -> r.statusCode() == 202);
        JsonNode accepted = JSON.readTree(submitted.body());
        String commentId = accepted.get("id").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("PENDING");

        awaitConsumed(ARTICLE_EVENTS);
        assertThat(replicaCount(articleId)).isEqualTo(1);

        ConsumerRecord<String, String> submittedEvent = awaitEvent("sarkhat.comment.submitted.v1", commentId);
        assertCloudEvent(submittedEvent, "sarkhat.comment.submitted.v1", articleId);
        EventContracts.assertValid(SUBMITTED_SCHEMA, submittedEvent.value());
        assertThat(JSON.readTree(submittedEvent.value()).get("status").asString()).isEqualTo("PENDING");
        assertThat(submittedEvent.value()).doesNotContain(EMAIL).doesNotContain("مریم");

        // Not public yet, and the request's "status" did not make it so.
        HttpResponse<String> beforeApproval = get(commentsOf(articleId), null);
        assertThat(beforeApproval.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(beforeApproval.body()).get("count").asInt()).isZero();
        assertThat(beforeApproval.body()).doesNotContain(commentId).doesNotContain(EMAIL);

        // Only moderators may act.
        String approve = "/api/moderation/comments/" + commentId + "/approve";
        HttpResponse<String> anonymous = post(approve, "", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous);
        HttpResponse<String> editor = post(approve, "", TestTokens.bearer("eddie", "EDITOR"));
        assertThat(editor.statusCode()).isEqualTo(403);
        assertProblem(editor);
        assertThat(get("/api/moderation/comments", null).statusCode()).isEqualTo(401);
        TokenChecks.assertOnlyValidTokensWithTheRolePass(token -> post(approve, "", token).statusCode(), "EDITOR");
        TokenChecks.assertOnlyValidTokensWithTheRolePass(
                token -> get("/api/moderation/comments", token).statusCode(), "EDITOR");

        String moderator = TestTokens.bearer("moderator1", "MODERATOR");
        JsonNode queued = findById(JSON.readTree(get("/api/moderation/comments", moderator).body()), commentId);
        assertThat(queued.get("status").asString()).isEqualTo("PENDING");
        assertThat(queued.get("authorEmail").asString()).isEqualTo(EMAIL);
        assertThat(queued.get("authorName").asString()).isEqualTo("مریم");
        assertThat(queued.get("articleTitle").asString()).isEqualTo(JSON.readTree(example).get("title").asString());
        assertThat(queued.get("body").asString()).isEqualTo("خبر خوبی بود، ممنون.\nادامه بدهید");

        HttpResponse<String> approved = post(approve, "", moderator);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("status").asString()).isEqualTo("APPROVED");
        HttpResponse<String> approvedAgain = post(approve, "", TestTokens.bearer("root", "ADMIN"));
        assertThat(approvedAgain.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(approvedAgain.body()).get("status").asString()).isEqualTo("APPROVED");

        HttpResponse<String> afterApproval = get(commentsOf(articleId), null);
        JsonNode thread = JSON.readTree(afterApproval.body());
        assertThat(thread.get("count").asInt()).isEqualTo(1);
        JsonNode shown = findById(thread, commentId);
        assertThat(shown.get("authorName").asString()).isEqualTo("مریم");
        assertThat(shown.get("avatarHash").asString()).matches("[0-9a-f]{64}");
        assertThat(shown.get("bodyHtml").asString()).isEqualTo("خبر خوبی بود، ممنون.<br />ادامه بدهید");
        assertThat(shown.get("createdAt").asString()).isNotBlank();
        assertThat(afterApproval.body()).doesNotContain(EMAIL).doesNotContain("authorEmail");

        ConsumerRecord<String, String> approvedEvent = awaitEvent("sarkhat.comment.approved.v1", commentId);
        assertCloudEvent(approvedEvent, "sarkhat.comment.approved.v1", articleId);
        EventContracts.assertValid(APPROVED_SCHEMA, approvedEvent.value());
        assertThat(JSON.readTree(approvedEvent.value()).get("approvedBy").asString()).isEqualTo("moderator1");
        assertThat(approvedEvent.value()).doesNotContain(EMAIL);

        // Once the outbox is drained nothing more can come: exactly one event of each type.
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxOf(commentId).isEmpty());
        Map<String, Long> eventsOfThisComment = KafkaProbe.readAll(bootstrap(), COMMENT_EVENTS, Duration.ofSeconds(3))
                .stream().filter(r -> r.value().contains(commentId))
                .collect(Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_type"), Collectors.counting()));
        assertThat(eventsOfThisComment).containsOnly(Map.entry("sarkhat.comment.submitted.v1", 1L),
                Map.entry("sarkhat.comment.approved.v1", 1L));
    }

    @Test
    void badSubmissionsGetProblemsNamingTheFieldAndStoreNothing() {
        String articleId = publishArticle();
        record Case(String body, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"authorEmail\":\"a@x.ir\",\"body\":\"سلام\"}", "authorName"),
                new Case("{\"authorName\":\"علی\",\"body\":\"سلام\"}", "authorEmail"),
                new Case("{\"authorName\":\"علی\",\"authorEmail\":\"not-an-address\",\"body\":\"سلام\"}",
                        "authorEmail"),
                new Case("{\"authorName\":\"علی\",\"authorEmail\":\"a@x.ir\",\"body\":\"  \\n \"}", "body"),
                new Case("{\"authorName\":\"علی\",\"authorEmail\":\"a@x.ir\",\"body\":\"" + "ب".repeat(65_526) + "\"}",
                        "body"),
                new Case("{\"authorName\":\"" + "ن".repeat(246) + "\",\"authorEmail\":\"a@x.ir\",\"body\":\"x\"}",
                        "authorName"),
                new Case("{\"authorName\":\"علی\",\"authorEmail\":\"a@x.ir\",\"body\":\"x\",\"parentId\":\"nope\"}",
                        "parentId"),
                new Case("{\"authorName\":\"علی\",\"authorEmail\":\"a@x.ir\",\"body\":[1]}", "body"));
        for (Case c : cases) {
            HttpResponse<String> response = post(commentsOf(articleId), c.body(), null);
            assertThat(response.statusCode()).as(c.field()).isEqualTo(400);
            assertProblem(response);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).as(c.field()).contains(c.field());
        }

        HttpResponse<String> malformed = post(commentsOf(articleId), "{\"authorName\":", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed);

        assertThat(mongo.count(query(where("articleId").is(articleId)), "comments")).isZero();
    }

    @Test
    void unknownArticlesHaveNoComments() {
        String valid = "{\"authorName\":\"علی\",\"authorEmail\":\"a@x.ir\",\"body\":\"سلام\"}";
        HttpResponse<String> submit = post(commentsOf("no-such-article"), valid, null);
        assertThat(submit.statusCode()).isEqualTo(404);
        assertProblem(submit);
        assertThat(submit.body()).contains("does not exist or does not take comments");

        HttpResponse<String> list = get(commentsOf("no-such-article"), null);
        assertThat(list.statusCode()).isEqualTo(404);
        assertProblem(list);
    }

    @Test
    void repliesMustAnswerACommentOnTheSameArticle() {
        String articleId = publishArticle();
        String otherArticleId = publishArticle();
        String parentId = submit(articleId, "اولی");
        String elsewhere = submit(otherArticleId, "جای دیگر");
        approve(elsewhere);

        // Only published comments can be answered.
        HttpResponse<String> toPending = post(commentsOf(articleId),
                "{\"authorName\":\"b\",\"authorEmail\":\"b@x.ir\",\"body\":\"زود\",\"parentId\":\"" + parentId + "\"}",
                null);
        assertThat(toPending.statusCode()).isEqualTo(400);
        assertThat(toPending.body()).contains("parentId");
        approve(parentId);

        HttpResponse<String> reply = post(commentsOf(articleId),
                "{\"authorName\":\"b\",\"authorEmail\":\"b@x.ir\",\"body\":\"پاسخ\",\"parentId\":\"" + parentId + "\"}",
                null);
        assertThat(reply.statusCode()).isEqualTo(202);
        String replyId = JSON.readTree(reply.body()).get("id").asString();
        assertThat(JSON.readTree(approve(replyId).body()).get("parentId").asString()).isEqualTo(parentId);

        HttpResponse<String> crossArticle = post(commentsOf(articleId),
                "{\"authorName\":\"b\",\"authorEmail\":\"b@x.ir\",\"body\":\"پاسخ\",\"parentId\":\"" + elsewhere + "\"}",
                null);
        assertThat(crossArticle.statusCode()).isEqualTo(400);
        assertThat(crossArticle.body()).contains("parentId");
    }

    @Test
    void markupInACommentIsShownAsTextAndLinksAreMarkedAsUserContent() {
        String articleId = publishArticle();
        String id = submit(articleId, "<script>alert(1)</script> https://x.test");
        approve(id);

        HttpResponse<String> list = get(commentsOf(articleId), null);
        assertThat(list.body()).doesNotContain("<script");
        assertThat(findById(JSON.readTree(list.body()), id).get("bodyHtml").asString())
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; "
                        + "<a href=\"https://x.test\" rel=\"ugc nofollow noopener\">https://x.test</a>");
    }

    @Test
    void persianTextIsNormalizedAndTheSameEmailKeepsOneAvatar() {
        String articleId = publishArticle();
        String first = submit(articleId, "كتاب خوبي است", "علي", "Same.Person@example.ir");
        String second = submit(articleId, "نمی\u200cدانم", "علی", "same.person@example.ir");
        approve(first);
        approve(second);

        JsonNode thread = JSON.readTree(get(commentsOf(articleId), null).body());
        JsonNode a = findById(thread, first);
        JsonNode b = findById(thread, second);
        assertThat(a.get("bodyHtml").asString()).isEqualTo("کتاب خوبی است");
        assertThat(a.get("authorName").asString()).isEqualTo("علی");
        assertThat(b.get("bodyHtml").asString()).isEqualTo("نمی\u200cدانم");
        assertThat(a.get("avatarHash").asString()).isEqualTo(b.get("avatarHash").asString());
        // Oldest first.
        assertThat(thread.get("items").get(0).get("id").asString()).isEqualTo(first);
    }

    @Test
    void moderatorsApprovingAtTheSameTimeCauseOneEvent() {
        String articleId = publishArticle();
        String id = submit(articleId, "همزمان");
        List<CompletableFuture<HttpResponse<String>>> approvals = IntStream.range(0, 4)
                .mapToObj(i -> HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/moderation/comments/" + id + "/approve"))
                        .header("Authorization", TestTokens.bearer("moderator" + i, "MODERATOR"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(approvals).allSatisfy(a -> assertThat(a.join().statusCode()).isEqualTo(200));

        awaitEvent("sarkhat.comment.approved.v1", id);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxOf(id).isEmpty());
        assertThat(KafkaProbe.readAll(bootstrap(), COMMENT_EVENTS, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains(id))
                .filter(r -> "sarkhat.comment.approved.v1".equals(KafkaProbe.header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void theModerationQueueFiltersByStatus() {
        String articleId = publishArticle();
        String pending = submit(articleId, "منتظر");
        String approved = submit(articleId, "تأیید شده");
        approve(approved);
        String moderator = TestTokens.bearer("moderator1", "MODERATOR");

        JsonNode pendingQueue = JSON.readTree(get("/api/moderation/comments?status=PENDING", moderator).body());
        assertThat(ids(pendingQueue)).contains(pending).doesNotContain(approved);
        JsonNode approvedQueue = JSON.readTree(get("/api/moderation/comments?status=APPROVED", moderator).body());
        assertThat(ids(approvedQueue)).contains(approved).doesNotContain(pending);
        assertThat(ids(JSON.readTree(get("/api/moderation/comments", moderator).body()))).contains(pending);

        HttpResponse<String> badStatus = get("/api/moderation/comments?status=SOMETHING", moderator);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertProblem(badStatus);
        assertThat(badStatus.body()).contains("status");

        HttpResponse<String> unknown = post("/api/moderation/comments/6650f2d3a1b2c3d4e5f60801/approve", "", moderator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown);
    }

    @Test
    void aRedeliveredPublicationCannotReopenAnUnpublishedArticle() {
        String articleId = "redelivered-" + UUID.randomUUID();
        String data = articlePublished(articleId);
        String eventId = UUID.randomUUID().toString();
        String publishedTime = "2023-04-09T08:30:00Z";
        sendWithTime(ARTICLE_EVENTS, articleId, PUBLISHED, data, eventId, publishedTime);
        await().atMost(Duration.ofSeconds(30)).until(() -> replica(articleId) != null);
        unpublish(articleId);
        Document before = replica(articleId);

        sendWithTime(ARTICLE_EVENTS, articleId, PUBLISHED, data, eventId, publishedTime);
        awaitConsumed(ARTICLE_EVENTS);

        assertThat(replica(articleId)).isEqualTo(before);
        assertThat(replicaCount(articleId)).isEqualTo(1);
        HttpResponse<String> closed = post(commentsOf(articleId),
                "{\"authorName\":\"a\",\"authorEmail\":\"a@x.ir\",\"body\":\"x\"}", null);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertProblem(closed);
    }

    @Test
    void otherArticleEventTypesAreSkipped() {
        String articleId = "unpublished-" + UUID.randomUUID();
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, "sarkhat.article.archived.v9",
                articlePublished(articleId));
        awaitConsumed(ARTICLE_EVENTS);
        assertThat(replica(articleId)).isNull();
    }

    @Test
    void unreadableArticleEventsEndOnTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, key, PUBLISHED, "{not json");
        KafkaProbe.send(bootstrap(), new ProducerRecord<>(ARTICLE_EVENTS, key, "no CloudEvent headers"));

        List<String> dead = List.of("{not json", "no CloudEvent headers");
        for (String value : dead) {
            ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(bootstrap(), ARTICLE_EVENTS + "-dlt",
                    r -> key.equals(r.key()) && value.equals(r.value()), Duration.ofSeconds(30));
            assertThat(KafkaProbe.header(record, "kafka_dlt-original-topic")).isEqualTo(ARTICLE_EVENTS);
        }
        assertThat(replica(key)).isNull();
    }

    @Test
    void onlyHealthAndTheCommentApiAreOpen() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/anything", null).statusCode()).isEqualTo(401);
    }

    // --- issue #4: policy, flood, threading, moderation, bans, purge, closing ---

    @Test
    void everyHeldOrSpammedCommentSaysWhichRuleAndWhyAndAKnownCommenterIsApprovedAtOnce() {
        String articleId = publishArticle();
        String email = "known-" + UUID.randomUUID() + "@example.ir";
        String first = submit(articleId, "اولین دیدگاه من", "سارا", email);
        JsonNode held = moderationView(first);
        assertThat(held.get("status").asString()).isEqualTo("PENDING");
        assertThat(held.get("heldBy").get(0).get("rule").asString()).isEqualTo("first-time");
        assertThat(held.get("heldBy").get(0).get("detail").asString()).contains("نخستین");
        approve(first);

        // Same name and email: approved on arrival, with CommentSubmitted(APPROVED) and CommentApproved.
        clock.advance(Duration.ofSeconds(16));
        HttpResponse<String> again = post(commentsOf(articleId), newComment("سارا", email, "دومین دیدگاه من"), null);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("APPROVED");
        String second = JSON.readTree(again.body()).get("id").asString();
        ConsumerRecord<String, String> submitted = awaitEvent("sarkhat.comment.submitted.v1", second);
        EventContracts.assertValid(SUBMITTED_SCHEMA, submitted.value());
        assertThat(JSON.readTree(submitted.value()).get("status").asString()).isEqualTo("APPROVED");
        ConsumerRecord<String, String> approved = awaitEvent("sarkhat.comment.approved.v1", second);
        EventContracts.assertValid(APPROVED_SCHEMA, approved.value());
        JsonNode display = JSON.readTree(approved.value());
        assertThat(display.get("authorName").asString()).isEqualTo("سارا");
        assertThat(display.get("bodyHtml").asString()).isEqualTo("دومین دیدگاه من");
        assertThat(display.get("depth").asInt()).isZero();
        assertThat(display.has("approvedBy")).isFalse();
        assertThat(approved.value()).doesNotContain(email);

        // Rules still apply to a known commenter: two links, a hold word, a block word.
        record Rule(String body, String status, String rule) {
        }
        for (Rule r : List.of(new Rule("ببینید https://a.example و https://b.example", "PENDING", "links"),
                new Rule("لطفا hold-me بخوانید", "PENDING", "hold-word"),
                new Rule("بهترین casino-spam اینجاست", "SPAM", "block-word"))) {
            clock.advance(Duration.ofSeconds(16));
            HttpResponse<String> response = post(commentsOf(articleId), newComment("سارا", email, r.body()), null);
            assertThat(response.statusCode()).isEqualTo(202);
            // Spam is never revealed to the sender.
            assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("PENDING");
            JsonNode view = moderationView(JSON.readTree(response.body()).get("id").asString());
            assertThat(view.get("status").asString()).as(r.rule()).isEqualTo(r.status());
            assertThat(view.get("heldBy").get(0).get("rule").asString()).isEqualTo(r.rule());
            assertThat(view.get("heldBy").get(0).get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void aFilledHoneypotIsAcceptedSilentlyAndStoredAsSpam() {
        String articleId = publishArticle();
        HttpResponse<String> response = post(commentsOf(articleId), """
                {"authorName":"bot","authorEmail":"bot@spam.example","body":"buy now","website":"http://spam.example"}""",
                null);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("PENDING");
        String id = JSON.readTree(response.body()).get("id").asString();
        JsonNode view = moderationView(id);
        assertThat(view.get("status").asString()).isEqualTo("SPAM");
        assertThat(view.get("heldBy").get(0).get("rule").asString()).isEqualTo("honeypot");
        ConsumerRecord<String, String> submitted = awaitEvent("sarkhat.comment.submitted.v1", id);
        EventContracts.assertValid(SUBMITTED_SCHEMA, submitted.value());
        assertThat(JSON.readTree(submitted.value()).get("status").asString()).isEqualTo("SPAM");
        assertThat(ids(JSON.readTree(get("/api/moderation/comments", moderator()).body()))).doesNotContain(id);
    }

    @Test
    void aSecondCommentWithin15SecondsIs429WithRetryAfterAndADuplicateIs409() {
        String articleId = publishArticle();
        String ip = "198.51.100." + RANDOM.nextInt(1, 255);
        assertThat(post(commentsOf(articleId), newComment("رضا", unique(), "یک"), null, ip).statusCode())
                .isEqualTo(202);
        HttpResponse<String> sameIp = post(commentsOf(articleId), newComment("رضا", unique(), "دو"), null, ip);
        assertThat(sameIp.statusCode()).isEqualTo(429);
        assertProblem(sameIp);
        assertThat(Integer.parseInt(sameIp.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 15);

        String email = unique();
        assertThat(post(commentsOf(articleId), newComment("رضا", email, "سه"), null).statusCode()).isEqualTo(202);
        HttpResponse<String> sameEmail = post(commentsOf(articleId), newComment("رضا", email, "چهار"), null);
        assertThat(sameEmail.statusCode()).isEqualTo(429);
        assertThat(sameEmail.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofSeconds(16));
        assertThat(post(commentsOf(articleId), newComment("رضا", unique(), "پنج"), null, ip).statusCode())
                .isEqualTo(202);
        HttpResponse<String> duplicate = post(commentsOf(articleId), newComment("رضا", email, "سه"), null);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertProblem(duplicate);
        assertThat(mongo.count(query(where("articleId").is(articleId)), "comments")).isEqualTo(3);
    }

    @Test
    void onlyTheNetworkPrefixOfTheSenderIsStored() {
        String articleId = publishArticle();
        String v4 = post(commentsOf(articleId), newComment("نیما", unique(), "از IPv4"), null, "203.0.113.77").body();
        String v6 = post(commentsOf(articleId), newComment("نیما", unique(), "از IPv6"), null,
                "2001:db8:abcd:12::7").body();
        Document stored4 = rawComment(JSON.readTree(v4).get("id").asString());
        assertThat(stored4.getString("ipPrefix")).isEqualTo("203.0.113.0/24");
        assertThat(stored4.toJson()).doesNotContain("203.0.113.77");
        assertThat(moderationView(JSON.readTree(v6).get("id").asString()).get("ipPrefix").asString())
                .isEqualTo("2001:db8:abcd::/48");
        assertThat(rawComment(JSON.readTree(v6).get("id").asString()).toJson()).doesNotContain("12::7");
    }

    @Test
    void limitsAreWordPressesAndMarkupComesBackInert() {
        String articleId = publishArticle();
        record Case(String json, String field) {
        }
        for (Case c : List.of(
                new Case(newComment("a", "a".repeat(95) + "@x.ir", "x"), "authorEmail"),
                new Case("{\"authorName\":\"a\",\"authorEmail\":\"a@x.ir\",\"body\":\"x\",\"authorUrl\":\"javascript:alert(1)\"}",
                        "authorUrl"),
                new Case("{\"authorName\":\"a\",\"authorEmail\":\"a@x.ir\",\"body\":\"x\",\"authorUrl\":\"https://x.ir/"
                        + "a".repeat(190) + "\"}", "authorUrl"))) {
            HttpResponse<String> response = post(commentsOf(articleId), c.json(), null);
            assertThat(response.statusCode()).as(c.field()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(c.field());
        }
        HttpResponse<String> tooLarge = post(commentsOf(articleId), newComment("a", unique(), "ب".repeat(250_000)), null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertProblem(tooLarge);
        // The longest allowed body, even \\u-escaped by the client, fits under the request limit.
        String longest = newComment("a", unique(), "ب".repeat(65_525)).replace("ب", "\\u0628");
        assertThat(post(commentsOf(articleId), longest, null).statusCode()).isEqualTo(202);

        String xss = submit(articleId, "<img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">x</a>");
        approve(xss);
        String html = findById(JSON.readTree(get(commentsOf(articleId), null).body()), xss).get("bodyHtml").asString();
        assertThat(html).doesNotContain("<img").doesNotContain("<a href=\"javascript").contains("&lt;img");
    }

    @Test
    void repliesNestToDepthFiveAndDeeperOnesBecomeSiblings() {
        String articleId = publishArticle();
        String parent = submit(articleId, "سطح ۰");
        approve(parent);
        List<String> chain = new java.util.ArrayList<>(List.of(parent));
        for (int depth = 1; depth <= 5; depth++) {
            String reply = reply(articleId, chain.get(chain.size() - 1), "سطح " + depth);
            approve(reply);
            chain.add(reply);
        }
        String deeper = reply(articleId, chain.get(5), "سطح ۶؟");
        JsonNode view = JSON.readTree(approve(deeper).body());
        assertThat(view.get("depth").asInt()).isEqualTo(5);
        assertThat(view.get("parentId").asString()).isEqualTo(chain.get(4));
        assertThat(view.get("inReplyTo").asString()).isEqualTo(chain.get(5));

        JsonNode thread = JSON.readTree(get(commentsOf(articleId), null).body());
        assertThat(thread.get("count").asInt()).isEqualTo(7);
        JsonNode node = thread.get("items").get(0);
        for (int depth = 1; depth <= 4; depth++) {
            node = node.get("replies").get(0);
            assertThat(node.get("depth").asInt()).isEqualTo(depth);
        }
        assertThat(ids(JSON.readTree("{\"items\":" + node.get("replies") + "}"))).containsExactly(chain.get(5), deeper);
    }

    @Test
    void thePublicListPagesByTopLevelCommentWithRepliesIncluded() {
        String articleId = publishArticle();
        List<String> top = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = submit(articleId, "دیدگاه " + i);
            approve(id);
            top.add(id);
        }
        String answer = reply(articleId, top.get(0), "پاسخ به اولی");
        approve(answer);
        submit(articleId, "منتظر");

        JsonNode first = JSON.readTree(get(commentsOf(articleId), null).body());
        assertThat(ids(first)).hasSize(20).startsWith(top.get(0));
        assertThat(first.get("count").asInt()).isEqualTo(24);
        assertThat(first.get("items").get(0).get("replies").get(0).get("id").asString()).isEqualTo(answer);
        JsonNode second = JSON.readTree(get(commentsOf(articleId) + "?cursor=" + first.get("nextCursor").asString(), null)
                .body());
        assertThat(ids(second)).containsExactlyElementsOf(top.subList(20, 23));
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode newest = JSON.readTree(get(commentsOf(articleId) + "?order=newest&limit=5", null).body());
        assertThat(ids(newest)).containsExactly(top.get(22), top.get(21), top.get(20), top.get(19), top.get(18));
        JsonNode count = JSON.readTree(get(commentsOf(articleId) + "/count", null).body());
        assertThat(count.get("count").asInt()).isEqualTo(24);
        assertThat(count.get("articleId").asString()).isEqualTo(articleId);
        assertThat(get(commentsOf(articleId) + "?cursor=garbage", null).statusCode()).isEqualTo(400);
        assertThat(get(commentsOf(articleId) + "?order=sideways", null).statusCode()).isEqualTo(400);
    }

    @Test
    void transitionsFollowTheStateMachineEmitOneEventEachAndAreAudited() {
        String articleId = publishArticle();
        String id = submit(articleId, "چرخهٔ کامل");
        assertThat(act(id, "approve", "{\"reason\":\"خوب\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> trashed = act(id, "trash", "{\"reason\":\"توهین\"}");
        assertThat(JSON.readTree(trashed.body()).get("status").asString()).isEqualTo("TRASH");
        assertThat(act(id, "trash", null).statusCode()).isEqualTo(200);
        HttpResponse<String> illegal = act(id, "approve", null);
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertProblem(illegal);
        assertThat(JSON.readTree(act(id, "restore", null).body()).get("status").asString()).isEqualTo("APPROVED");
        assertThat(JSON.readTree(get(commentsOf(articleId), null).body()).get("count").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(act(id, "spam", null).body()).get("status").asString()).isEqualTo("SPAM");
        assertThat(act(id, "unapprove", null).statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(act(id, "restore", null).body()).get("status").asString()).isEqualTo("PENDING");
        assertThat(act(id, "promote", null).statusCode()).isEqualTo(400);
        assertThat(act("6650f2d3a1b2c3d4e5f60801", "spam", null).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> outboxOf(id).isEmpty());
        List<ConsumerRecord<String, String>> events = KafkaProbe.readAll(bootstrap(), COMMENT_EVENTS,
                Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(id)).toList();
        List<String> sequence = events.stream().map(r -> KafkaProbe.header(r, "ce_type").replace("sarkhat.comment.", "")
                + (r.value().contains("\"status\":\"") ? ":" + JSON.readTree(r.value()).get("status").asString() : ""))
                .toList();
        assertThat(sequence).containsExactly("submitted.v1:PENDING", "approved.v1", "rejected.v1:TRASH", "approved.v1",
                "rejected.v1:SPAM", "rejected.v1:PENDING");
        events.stream().filter(r -> "sarkhat.comment.rejected.v1".equals(KafkaProbe.header(r, "ce_type")))
                .forEach(r -> EventContracts.assertValid("comment-rejected.v1.schema.json", r.value()));
        JsonNode trashEvent = JSON.readTree(events.get(2).value());
        assertThat(trashEvent.get("previousStatus").asString()).isEqualTo("APPROVED");
        assertThat(trashEvent.get("reason").asString()).isEqualTo("توهین");
        assertThat(trashEvent.get("rejectedBy").asString()).isEqualTo("moderator1");

        JsonNode audit = JSON.readTree(get("/api/moderation/audit?commentId=" + id, moderator()).body());
        assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString() + ":"
                + e.get("from").asString() + ">" + e.get("to").asString()).toList()).containsExactly(
                "approve:PENDING>APPROVED", "trash:APPROVED>TRASH", "restore:TRASH>APPROVED", "spam:APPROVED>SPAM",
                "restore:SPAM>PENDING");
        assertThat(audit.get("items").get(1).get("moderator").asString()).isEqualTo("moderator1");
        assertThat(audit.get("items").get(1).get("reason").asString()).isEqualTo("توهین");
        String someoneElse = TestTokens.bearer("moderator-" + UUID.randomUUID(), "MODERATOR");
        String name = JSON.readTree(post("/api/moderation/comments/" + id + "/approve", "", someoneElse).body())
                .get("approvedBy").asString();
        HttpResponse<String> byModeratorResponse = get("/api/moderation/audit?moderator=" + name, moderator());
        assertThat(byModeratorResponse.statusCode()).as(byModeratorResponse.body()).isEqualTo(200);
        JsonNode byModerator = JSON.readTree(byModeratorResponse.body());
        assertThat(byModerator.get("items")).hasSize(1);
        assertThat(byModerator.get("items").get(0).get("commentId").asString()).isEqualTo(id);
        assertThat(get("/api/moderation/audit", moderator()).statusCode()).isEqualTo(400);
    }

    @Test
    void editingAPublicCommentRepublishesItAndStaffRepliesArePublicAtOnce() {
        String articleId = publishArticle();
        String id = submit(articleId, "متن با غلط");
        approve(id);
        HttpResponse<String> edited = send("PUT", "/api/moderation/comments/" + id,
                "{\"body\":\"متن درست <b>\",\"reason\":\"غلط تایپی\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).get("body").asString()).isEqualTo("متن درست <b>");
        ConsumerRecord<String, String> republished = KafkaProbe.awaitRecord(bootstrap(), COMMENT_EVENTS,
                r -> r.value().contains(id) && r.value().contains("متن درست &lt;b&gt;"), Duration.ofSeconds(30));
        EventContracts.assertValid(APPROVED_SCHEMA, republished.value());
        assertThat(JSON.readTree(get("/api/moderation/audit?commentId=" + id, moderator()).body()).get("items")
                .valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("approve", "edit");
        assertThat(send("PUT", "/api/moderation/comments/" + id, "{\"body\":\" \"}").statusCode()).isEqualTo(400);

        HttpResponse<String> reply = post("/api/moderation/comments/" + id + "/reply", "{\"body\":\"ممنون از شما\"}",
                moderator());
        assertThat(reply.statusCode()).isEqualTo(201);
        String replyId = JSON.readTree(reply.body()).get("id").asString();
        JsonNode shown = findById(JSON.readTree("{\"items\":"
                + findById(JSON.readTree(get(commentsOf(articleId), null).body()), id).get("replies") + "}"), replyId);
        assertThat(shown.get("staff").asBoolean()).isTrue();
        assertThat(shown.get("authorName").asString()).isEqualTo("moderator1");
        assertThat(shown.get("depth").asInt()).isEqualTo(1);
        EventContracts.assertValid(APPROVED_SCHEMA, awaitEvent("sarkhat.comment.approved.v1", replyId).value());
        String pending = submit(articleId, "منتظر پاسخ");
        assertThat(post("/api/moderation/comments/" + pending + "/reply", "{\"body\":\"x\"}", moderator()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void bulkActionsTreatEachIdOnItsOwn() {
        String articleId = publishArticle();
        String a = submit(articleId, "الف");
        String b = submit(articleId, "ب");
        String spam = submit(articleId, "هرزنامه");
        post("/api/moderation/comments/" + spam + "/spam", "", moderator());
        String unknown = "6650f2d3a1b2c3d4e5f60801";
        HttpResponse<String> response = post("/api/moderation/comments/bulk",
                "{\"ids\":[\"" + a + "\",\"" + b + "\",\"" + unknown + "\",\"" + spam + "\"],\"action\":\"approve\"}",
                moderator());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(results.get(1).get("status").asString()).isEqualTo("APPROVED");
        assertThat(results.get(2).get("code").asInt()).isEqualTo(404);
        assertThat(results.get(2).has("error")).isTrue();
        assertThat(results.get(3).get("code").asInt()).isEqualTo(409);
        assertThat(JSON.readTree(get(commentsOf(articleId), null).body()).get("count").asInt()).isEqualTo(2);
        assertThat(post("/api/moderation/comments/bulk", "{\"ids\":[],\"action\":\"approve\"}", moderator())
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/moderation/comments/bulk", "{\"ids\":[\"" + a + "\"],\"action\":\"explode\"}",
                moderator()).statusCode()).isEqualTo(400);
    }

    @Test
    void theQueueFiltersByArticleTextAndDateAndPagesWithACursor() {
        String articleId = publishArticle();
        String marker = "نشانه" + RANDOM.nextInt(1_000_000);
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(submit(articleId, "دیدگاه " + marker + " " + i));
        }
        String base = "/api/moderation/comments?articleId=" + articleId;
        JsonNode page1 = JSON.readTree(get(base + "&limit=2", moderator()).body());
        assertThat(ids(page1)).containsExactly(mine.get(2), mine.get(1));
        JsonNode page2 = JSON.readTree(get(base + "&limit=2&cursor=" + page1.get("nextCursor").asString(), moderator())
                .body());
        assertThat(ids(page2)).containsExactly(mine.get(0));
        assertThat(ids(JSON.readTree(get("/api/moderation/comments?status=ALL&q="
                + java.net.URLEncoder.encode(marker + " 1", java.nio.charset.StandardCharsets.UTF_8), moderator())
                .body()))).containsExactly(mine.get(1));
        String later = clock.instant().plusSeconds(1).toString();
        assertThat(ids(JSON.readTree(get(base + "&from=" + later, moderator()).body()))).isEmpty();
        assertThat(ids(JSON.readTree(get(base + "&to=" + later, moderator()).body()))).hasSize(3);
        assertThat(get(base + "&from=yesterday", moderator()).statusCode()).isEqualTo(400);
        JsonNode item = JSON.readTree(get(base, moderator()).body()).get("items").get(0);
        for (String field : List.of("id", "articleId", "articleTitle", "parentId", "depth", "authorName", "authorEmail",
                "authorUrl", "ipPrefix", "body", "bodyHtml", "status", "heldBy", "createdAt")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    @Test
    void bannedSendersGoToSpamUntilTheBanExpiresOrIsLifted() {
        String articleId = publishArticle();
        String email = unique();
        HttpResponse<String> created = post("/api/moderation/bans",
                "{\"email\":\"" + email.toUpperCase() + "\",\"ttl\":\"P1D\",\"reason\":\"آزار\"}", moderator());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ban = JSON.readTree(created.body());
        assertThat(ban.get("expiresAt").asString()).isNotBlank();
        HttpResponse<String> ipBan = post("/api/moderation/bans", "{\"ip\":\"192.0.2.66\",\"ttl\":7}", moderator());
        assertThat(ipBan.statusCode()).isEqualTo(201);
        assertThat(ids(JSON.readTree(get("/api/moderation/bans", moderator()).body())))
                .contains(ban.get("id").asString(), JSON.readTree(ipBan.body()).get("id").asString());

        String byEmail = JSON.readTree(post(commentsOf(articleId), newComment("x", email, "سلام"), null).body())
                .get("id").asString();
        JsonNode view = moderationView(byEmail);
        assertThat(view.get("status").asString()).isEqualTo("SPAM");
        assertThat(view.get("heldBy").get(0).get("rule").asString()).isEqualTo("ban");
        assertThat(view.get("heldBy").get(0).get("detail").asString()).contains("آزار");
        String byIp = JSON.readTree(post(commentsOf(articleId), newComment("y", unique(), "سلام"), null, "192.0.2.66")
                .body()).get("id").asString();
        assertThat(moderationView(byIp).get("status").asString()).isEqualTo("SPAM");

        clock.advance(Duration.ofDays(2));
        String afterExpiry = JSON.readTree(post(commentsOf(articleId), newComment("x", email, "دوباره"), null).body())
                .get("id").asString();
        assertThat(moderationView(afterExpiry).get("status").asString()).isEqualTo("PENDING");

        assertThat(send("DELETE", "/api/moderation/bans/" + JSON.readTree(ipBan.body()).get("id").asString(), null)
                .statusCode()).isEqualTo(204);
        String afterLift = JSON.readTree(post(commentsOf(articleId), newComment("y", unique(), "باز"), null,
                "192.0.2.66").body()).get("id").asString();
        assertThat(moderationView(afterLift).get("status").asString()).isEqualTo("PENDING");
        assertThat(send("DELETE", "/api/moderation/bans/6650f2d3a1b2c3d4e5f60801", null).statusCode()).isEqualTo(404);
        for (String bad : List.of("{\"ttl\":\"P1D\"}", "{\"email\":\"a@x.ir\",\"ttl\":\"soon\"}",
                "{\"ip\":\"not-an-ip\",\"ttl\":1}", "{\"email\":\"a@x.ir\",\"ttl\":\"-P1D\"}")) {
            HttpResponse<String> response = post("/api/moderation/bans", bad, moderator());
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertProblem(response);
        }
        assertThat(post("/api/moderation/bans", "{\"email\":\"a@x.ir\",\"ttl\":1}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void trashOlderThanTheRetentionIsPurgedOnceWithCommentDeleted() {
        String articleId = publishArticle();
        String old = submit(articleId, "دور ریختنی");
        approve(old);
        act(old, "trash", null);
        String fresh = submit(articleId, "تازه دور ریخته");
        clock.advance(Duration.ofDays(31));
        act(fresh, "trash", null);

        // Two instances at once, then a later run: one CommentDeleted in all.
        CompletableFuture.allOf(CompletableFuture.runAsync(purge::purge), CompletableFuture.runAsync(purge::purge))
                .join();
        purge.purge();

        assertThat(get("/api/moderation/comments/" + old, moderator()).statusCode()).isEqualTo(404);
        assertThat(act(old, "restore", null).statusCode()).isEqualTo(404);
        assertThat(moderationView(fresh).get("status").asString()).isEqualTo("TRASH");
        ConsumerRecord<String, String> deleted = awaitEvent("sarkhat.comment.deleted.v1", old);
        assertCloudEvent(deleted, "sarkhat.comment.deleted.v1", articleId);
        EventContracts.assertValid("comment-deleted.v1.schema.json", deleted.value());
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("tombstones")
                .find(new Document("_id", old)).first().getList("outbox", Object.class).isEmpty());
        assertThat(KafkaProbe.readAll(bootstrap(), COMMENT_EVENTS, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains(old))
                .filter(r -> "sarkhat.comment.deleted.v1".equals(KafkaProbe.header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void anUnpublishedArticleTakesNoCommentsUntilANewerUpdateReopensIt() {
        String articleId = publishArticle();
        unpublish(articleId);
        HttpResponse<String> closed = post(commentsOf(articleId), newComment("a", unique(), "بسته؟"), null);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertProblem(closed);

        ObjectNode updated = (ObjectNode) JSON.readTree(EventContracts.examples("article-updated.v1.schema.json").get(0));
        updated.put("articleId", articleId).put("title", "عنوان تازه").put("updatedAt",
                clock.instant().plusSeconds(60).toString());
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, "sarkhat.article.updated.v1",
                JSON.writeValueAsString(updated));
        await().atMost(Duration.ofSeconds(30)).until(() -> "عنوان تازه".equals(replica(articleId).getString("title")));
        String id = submit(articleId, "باز شد");
        assertThat(moderationView(id).get("articleTitle").asString()).isEqualTo("عنوان تازه");
    }

    // --- issue #6: operations ---

    @Test
    void probesAndPrometheusShowTheModerationQueueAndTheOutbox() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/readyz")) {
            HttpResponse<String> answer = get(probe, null);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
        }
        String articleId = publishArticle();
        submit(articleId, "نظری که منتظر ناظر می‌ماند");
        // Past the gauges' refresh interval (they count at most every 15 s), and an hour of waiting.
        clock.advance(Duration.ofHours(1));
        long pending = mongo.getCollection("comments").countDocuments(new Document("status", "PENDING"));
        String metrics = get("/actuator/prometheus", null).body();

        assertThat(pending).isPositive();
        assertThat(metrics).contains("sarkhat_moderation_queue_size{application=\"comment-service\"} " + pending + ".0");
        assertThat(gauge(metrics, "sarkhat_moderation_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(3600);
        assertThat(metrics).contains("sarkhat_outbox_pending{application=\"comment-service\",collection=\"comments\"}")
                .contains("sarkhat_outbox_pending{application=\"comment-service\",collection=\"tombstones\"}")
                .contains("http_server_requests_seconds_bucket{");
    }

    static double gauge(String prometheusText, String name) {
        return prometheusText.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in the scrape"));
    }

    // --- helpers ---

    String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }

    static String commentsOf(String articleId) {
        return "/api/articles/" + articleId + "/comments";
    }

    static String articlePublished(String articleId) {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples(PUBLISHED_SCHEMA).get(0));
        data.put("articleId", articleId);
        data.put("slug", articleId);
        return JSON.writeValueAsString(data);
    }

    /** A fresh article, published by event and visible in the replica. */
    String publishArticle() {
        String articleId = "article-" + UUID.randomUUID();
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, PUBLISHED, articlePublished(articleId));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica(articleId) != null);
        return articleId;
    }

    /** From a new reader each time, so the first-time rule holds it as PENDING. */
    String submit(String articleId, String body) {
        return submit(articleId, body, "خواننده", "reader-" + UUID.randomUUID() + "@example.ir");
    }

    String submit(String articleId, String body, String name, String email) {
        ObjectNode request = JSON.createObjectNode().put("authorName", name).put("authorEmail", email).put("body", body);
        // Past the flood window of the previous comment from this email.
        clock.advance(Duration.ofSeconds(16));
        HttpResponse<String> response = post(commentsOf(articleId), JSON.writeValueAsString(request), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    HttpResponse<String> approve(String commentId) {
        HttpResponse<String> response = post("/api/moderation/comments/" + commentId + "/approve", "",
                TestTokens.bearer("moderator1", "MODERATOR"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    void sendWithTime(String topic, String key, String type, String json, String id, String time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        for (String[] h : new String[][] { { "ce_specversion", "1.0" }, { "ce_id", id }, { "ce_source", "/sarkhat/test" },
                { "ce_type", type }, { "ce_time", time }, { "ce_subject", key }, { "content-type", "application/json" } }) {
            record.headers().add(h[0], h[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        KafkaProbe.send(bootstrap(), record);
    }

    /** ArticleUnpublished from the contract's example, for this article, now. */
    void unpublish(String articleId) {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples("article-unpublished.v1.schema.json").get(0));
        data.put("articleId", articleId);
        data.put("unpublishedAt", clock.instant().toString());
        KafkaProbe.sendCloudEvent(bootstrap(), ARTICLE_EVENTS, articleId, "sarkhat.article.unpublished.v1",
                JSON.writeValueAsString(data));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(replica(articleId).get("commentsOpen")));
    }

    static String moderator() {
        return TestTokens.bearer("moderator1", "MODERATOR");
    }

    static String unique() {
        return "reader-" + UUID.randomUUID() + "@example.ir";
    }

    static String newComment(String name, String email, String body) {
        return JSON.writeValueAsString(JSON.createObjectNode().put("authorName", name).put("authorEmail", email)
                .put("body", body));
    }

    /** A reader's reply, past the flood window. */
    String reply(String articleId, String parentId, String body) {
        clock.advance(Duration.ofSeconds(16));
        ObjectNode request = JSON.createObjectNode().put("authorName", "پاسخ‌دهنده").put("authorEmail", unique())
                .put("body", body).put("parentId", parentId);
        HttpResponse<String> response = post(commentsOf(articleId), JSON.writeValueAsString(request), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    JsonNode moderationView(String commentId) {
        HttpResponse<String> response = get("/api/moderation/comments/" + commentId, moderator());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> act(String commentId, String action, String body) {
        return post("/api/moderation/comments/" + commentId + "/" + action, body == null ? "" : body, moderator());
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", moderator())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    Document rawComment(String commentId) {
        return mongo.getCollection("comments").find(new Document("_id", new org.bson.types.ObjectId(commentId))).first();
    }

    /** Raw reads: the replica keeps article ids as strings, even those that look like ObjectIds. */
    Document replica(String articleId) {
        return mongo.getCollection("published_articles").find(new Document("_id", articleId)).first();
    }

    long replicaCount(String articleId) {
        return mongo.getCollection("published_articles").countDocuments(new Document("_id", articleId));
    }

    @SuppressWarnings("unchecked")
    List<Object> outboxOf(String commentId) {
        Document comment = mongo.getCollection("comments")
                .find(new Document("_id", new org.bson.types.ObjectId(commentId))).first();
        assertThat(comment).isNotNull();
        return comment.get("outbox", List.class);
    }

    ConsumerRecord<String, String> awaitEvent(String type, String commentId) {
        return KafkaProbe.awaitRecord(bootstrap(), COMMENT_EVENTS,
                r -> type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains("\"" + commentId + "\""),
                Duration.ofSeconds(30));
    }

    static void assertCloudEvent(ConsumerRecord<String, String> record, String type, String articleId) {
        assertThat(record.key()).isEqualTo(articleId);
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/sarkhat/comment-service");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(articleId);
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
    }

    static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static JsonNode findById(JsonNode list, String id) {
        for (JsonNode item : list.get("items")) {
            if (id.equals(item.get("id").asString())) {
                return item;
            }
        }
        throw new AssertionError("No item " + id + " in " + list);
    }

    static List<String> ids(JsonNode list) {
        return list.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    /** Waits until the service's consumer group has committed everything on the topic. */
    void awaitConsumed(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get()
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("comment-service")
                        .partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(p -> ends.get(p) == 0
                        || committed.get(p) != null && committed.get(p).offset() >= ends.get(p));
            });
        }
    }

    /** As if through the gateway from a reader's own address, so flood control sees distinct readers. */
    HttpResponse<String> post(String path, String json, String bearer) {
        return post(path, json, bearer, "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "."
                + RANDOM.nextInt(1, 255));
    }

    HttpResponse<String> post(String path, String json, String bearer, String clientIp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request);
    }

    HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
