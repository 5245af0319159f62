package ir.sarkhat.comment.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.model.Filters;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notification mails end to end: comment events on a real (embedded) broker, comment documents in the
 * MongoDB-protocol store, mails caught by an in-process SMTP server (GreenMail), links followed over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.comments.identity-salt=test-salt",
        "sarkhat.kafka.retry.initial-interval-ms=50",
        "sarkhat.outbox.poll-interval=200ms",
        "sarkhat.comments.notify.moderators=moderators@sarkhat.example, chief.editor@sarkhat.example",
        "sarkhat.site.base-url=https://sarkhat.example",
        "spring.mail.host=127.0.0.1" })
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class NotificationsIT {

    static final String COMMENT_EVENTS = "comment-events";
    static final String SUBMITTED = "sarkhat.comment.submitted.v1";
    static final String APPROVED = "sarkhat.comment.approved.v1";
    static final String MODERATOR = "moderators@sarkhat.example";
    static final String CHIEF = "chief.editor@sarkhat.example";
    static final String LINK_PREFIX = "https://sarkhat.example/api/moderation/links/";
    static final Pattern LINK = Pattern.compile(Pattern.quote(LINK_PREFIX) + "([A-Za-z0-9_.-]+)");
    static final Duration WAIT = Duration.ofSeconds(30);

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static {
        SMTP.start();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-comments-notify"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SignedLinks signedLinks;

    @Test
    void aHeldCommentIsMailedToTheModeratorsWithReasonTextAndSignedLinksButNeverToItsAuthor() throws Exception {
        String articleId = article("قیمت نان در تهران");
        String reader = unique("reader");
        String commentId = comment(articleId, null, "مریم", reader, "این خبر را ببینید http://a.example http://b.example",
                "PENDING", true, true, List.of(new Document("rule", "links").append("detail", "۲ پیوند یا بیشتر")));

        String eventId = sendSubmitted(articleId, commentId);
        MimeMessage mail = mailFor(commentId, "این خبر را ببینید");
        assertThat(recipients(mail)).containsExactlyInAnyOrder(MODERATOR, CHIEF);
        assertThat(mail.getSubject()).contains("قیمت نان در تهران");
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html).contains("dir=\"rtl\"").contains("۲ پیوند یا بیشتر (links)").contains("این خبر را ببینید")
                .contains("تأیید و انتشار").contains("هرزنامه");
        assertThat(text).contains("دلیل نگه‌داشتن: ۲ پیوند یا بیشتر (links)").contains("این خبر را ببینید");
        assertThat(links(text)).hasSize(2);
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();

        // The same event again (a redelivery) mails nobody again; a later event shows it was processed.
        KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, SUBMITTED, submittedData(articleId, commentId),
                eventId);
        String next = comment(articleId, null, "رضا", unique("reza"), "نظر دوم", "PENDING", false, false, null);
        sendSubmitted(articleId, next);
        mailFor(next, "نظر دوم");
        assertThat(mailsTo(MODERATOR).stream().filter(m -> body(m).contains("این خبر را ببینید"))).hasSize(1);
        assertThat(mailsTo(reader)).as("a submitted comment never mails its author").isEmpty();
    }

    @Test
    void theApproveLinkShowsAPageOnGetAndApprovesOnlyOnPostThenTheOptedInAuthorIsTold() throws Exception {
        String articleId = article("پنجره واحد دولت هوشمند");
        String reader = unique("maryam");
        String commentId = comment(articleId, null, "مریم", reader, "خبر خوبی بود.", "PENDING", true, false,
                List.of(new Document("rule", "first-time").append("detail", "نخستین دیدگاه این نویسنده")));
        sendSubmitted(articleId, commentId);
        String approveLink = links(part(mailFor(commentId, "خبر خوبی بود."), "text/plain")).get(0);

        // A mail scanner (or a moderator) opening the link changes nothing.
        HttpResponse<String> page = get(approveLink, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("dir=\"rtl\"").contains("خبر خوبی بود.").contains("نخستین دیدگاه این نویسنده")
                .contains("<form method=\"post\"");
        Document unchanged = commentDoc(commentId);
        assertThat(unchanged.getString("status")).isEqualTo("PENDING");
        assertThat(unchanged.getList("outbox", Document.class, List.of())).isEmpty();
        assertThat(get(approveLink, "application/json").statusCode()).isEqualTo(200);
        assertThat(commentDoc(commentId).getString("status")).isEqualTo("PENDING");

        HttpResponse<String> approved = post(approveLink, "text/html", "");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("دیدگاه منتشر شد");
        assertThat(commentDoc(commentId).getString("status")).isEqualTo("APPROVED");
        HttpResponse<String> again = post(approveLink, "application/json", "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("alreadyDone").asBoolean()).isTrue();

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord(bootstrap(), COMMENT_EVENTS,
                r -> APPROVED.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(commentId), WAIT);
        EventContracts.assertValid("comment-approved.v1.schema.json", event.value());
        assertThat(event.key()).isEqualTo(articleId);

        // The approval travels through comment-events back to the notifications: the author opted in.
        MimeMessage toAuthor = awaitOneMailTo(reader, "دیدگاه شما منتشر شد");
        assertThat(toAuthor.getSubject()).isEqualTo("دیدگاه شما منتشر شد");
        String html = part(toAuthor, "text/html");
        assertThat(html).contains("dir=\"rtl\"").contains("پنجره واحد دولت هوشمند").contains("خبر خوبی بود.")
                .contains("https://sarkhat.example/articles/").contains("#comment-" + commentId)
                .containsPattern("[۰-۹]{2} [^ ]+ ۱۴۰[۰-۹]");
        assertThat(part(toAuthor, "text/plain")).contains("https://sarkhat.example/articles/");
        String unsubscribe = toAuthor.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<" + LINK_PREFIX).endsWith(">");
        assertThat(toAuthor.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(html).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
    }

    @Test
    void theSpamLinkMarksTheCommentSpamWithOneRejectedEvent() throws Exception {
        String articleId = article("بازار ارز");
        String commentId = comment(articleId, null, "فروشنده", unique("seller"), "ارزان بخرید", "PENDING", true, true,
                List.of(new Document("rule", "hold-word").append("detail", "واژهٔ «ارزان» در فهرست نگه‌داشتن است")));
        sendSubmitted(articleId, commentId);
        String spamLink = links(part(mailFor(commentId, "ارزان بخرید"), "text/plain")).get(1);

        HttpResponse<String> json = post(spamLink, "application/json", "");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).get("status").asString()).isEqualTo("SPAM");
        assertThat(json.body()).doesNotContain("@");
        post(spamLink, "application/json", "");
        assertThat(commentDoc(commentId).getString("status")).isEqualTo("SPAM");

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord(bootstrap(), COMMENT_EVENTS,
                r -> "sarkhat.comment.rejected.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains(commentId), WAIT);
        EventContracts.assertValid("comment-rejected.v1.schema.json", event.value());
        assertThat(JSON.readTree(event.value()).get("previousStatus").asString()).isEqualTo("PENDING");
        assertThat(event.key()).isEqualTo(articleId);
        assertThat(KafkaProbe.readAll(bootstrap(), COMMENT_EVENTS, Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains(commentId) && r.value().contains("SPAM"))).hasSize(1);

        // Approving it afterwards from the other link is refused: it was decided already.
        String approveLink = links(part(mailFor(commentId, "ارزان بخرید"), "text/plain")).get(0);
        HttpResponse<String> conflict = post(approveLink, "application/json", "");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aTamperedOrExpiredLinkIsRefusedAndChangesNothing() throws Exception {
        String articleId = article("هوای تهران");
        String commentId = comment(articleId, null, "سارا", unique("sara"), "هوا آلوده است", "PENDING", false, false,
                null);
        String token = signedLinks.issue(commentId, LinkAction.APPROVE);
        int inSignature = token.indexOf('.') + 5;
        String tampered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);

        HttpResponse<String> bad = post(LINK_PREFIX.replace("https://sarkhat.example", base()) + tampered,
                "application/json", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(bad.body()).get("detail").asString()).contains("not valid");
        assertThat(post(base() + "/api/moderation/links/garbage", "application/json", "").statusCode()).isEqualTo(400);

        String otherAction = signedLinks.issue(commentId, LinkAction.SPAM);
        String swapped = otherAction.substring(0, otherAction.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(post(base() + "/api/moderation/links/" + swapped, "application/json", "").statusCode())
                .isEqualTo(400);

        String expired = signedLinks.issue(commentId, LinkAction.APPROVE, Instant.now().minusSeconds(60));
        HttpResponse<String> gone = post(base() + "/api/moderation/links/" + expired, "application/json", "");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> gonePage = get(base() + "/api/moderation/links/" + expired, "text/html");
        assertThat(gonePage.statusCode()).isEqualTo(410);
        assertThat(gonePage.body()).contains("dir=\"rtl\"").contains("منقضی");

        assertThat(commentDoc(commentId).getString("status")).isEqualTo("PENDING");
        HttpResponse<String> unknown = post(base() + "/api/moderation/links/"
                + signedLinks.issue(new ObjectId().toHexString(), LinkAction.APPROVE), "application/json", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aReplyIsMailedToTheParentsAuthorWhoOptedInButNotToThemselvesNorToWhoDidNotOptIn() throws Exception {
        String articleId = article("جام جهانی");
        String parentAuthor = unique("ali");
        String parentId = comment(articleId, null, "علی", parentAuthor, "بازی خوبی بود", "APPROVED", false, true,
                null);
        String replier = unique("neda");
        String replyId = comment(articleId, parentId, "ندا", replier, "موافقم!\nعالی بود", "APPROVED", false, false,
                null);
        String eventId = sendApproved(articleId, replyId, parentId);

        MimeMessage mail = awaitOneMailTo(parentAuthor, "پاسخ تازه به دیدگاه شما");
        assertThat(part(mail, "text/html")).contains("ندا").contains("موافقم!<br>عالی بود").contains("جام جهانی")
                .contains("#comment-" + replyId);
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<" + LINK_PREFIX);

        // Redelivered: no second mail. Answering yourself: no mail. Not opted in: no mail.
        KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, APPROVED,
                approvedData(articleId, replyId, parentId), eventId);
        String ownReply = comment(articleId, parentId, "علی", parentAuthor.toUpperCase(), "پاسخ به خودم", "APPROVED",
                false, false, null);
        sendApproved(articleId, ownReply, parentId);
        String quietParent = comment(articleId, null, "بی‌خبر", unique("quiet"), "من ایمیل نمی‌خواهم", "APPROVED",
                false, false, null);
        sendApproved(articleId, comment(articleId, quietParent, "ندا", replier, "پاسخ", "APPROVED", false, false, null),
                quietParent);
        String silentAuthor = unique("silent");
        sendApproved(articleId, comment(articleId, null, "ساکت", silentAuthor, "بدون ایمیل", "APPROVED", false, true,
                null), null);

        awaitMarker(articleId);
        assertThat(mailsTo(parentAuthor)).hasSize(1);
        assertThat(mailsTo(replier)).isEmpty();
        assertThat(mailsTo(silentAuthor)).isEmpty();
    }

    @Test
    void aReplyThePolicyPublishedAtOnceIsMailedToTheParentsAuthorOnceEvenIfApprovedAgainLater() throws Exception {
        String articleId = article("انتخابات شورا");
        String parentAuthor = unique("parisa");
        String parentId = comment(articleId, null, "پریسا", parentAuthor, "نظر من", "APPROVED", false, true, null);
        String replyId = comment(articleId, parentId, "بهرام", unique("bahram"), "پاسخ فوری", "APPROVED", true, false,
                null);
        ObjectNode data = (ObjectNode) JSON.readTree(submittedData(articleId, replyId));
        data.put("status", "APPROVED").put("parentId", parentId);
        EventContracts.assertValid("comment-submitted.v1.schema.json", JSON.writeValueAsString(data));
        KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, SUBMITTED, JSON.writeValueAsString(data));
        awaitOneMailTo(parentAuthor, "پاسخ تازه به دیدگاه شما");

        // Unapproved and approved again later: a new event, but the parent's author already knows.
        sendApproved(articleId, replyId, parentId);
        awaitMarker(articleId);
        assertThat(mailsTo(parentAuthor)).hasSize(1);
    }

    @Test
    void oneClickUnsubscribeStopsAllMailsToThatAddress() throws Exception {
        String articleId = article("کتاب سال");
        String reader = unique("kian");
        String first = comment(articleId, null, "کیان", reader, "کتاب خوبی است", "APPROVED", true, true, null);
        String eventId = sendApproved(articleId, first, null);
        MimeMessage mail = awaitOneMailTo(reader, "دیدگاه شما منتشر شد");
        String header = mail.getHeader("List-Unsubscribe")[0];
        String unsubscribe = base() + header.substring(("<https://sarkhat.example").length(), header.length() - 1);
        String second = comment(articleId, null, "کیان", reader.toUpperCase(), "یک نظر دیگر", "PENDING", true, true,
                null);

        HttpResponse<String> page = get(unsubscribe, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("لغو").contains("<form method=\"post\"").doesNotContain(reader);
        assertThat(mongo.getCollection(Unsubscriptions.COLLECTION).countDocuments()).isZero();

        // What a mail client does for RFC 8058 one-click.
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(commentDoc(second).getBoolean("notifyApproval")).isFalse();
        assertThat(commentDoc(second).getBoolean("notifyReplies")).isFalse();
        Document stored = mongo.getCollection(Unsubscriptions.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain(reader).doesNotContain("kian");

        // Even a comment that says "notify me", and a reply to the earlier one, mail nothing now.
        String third = comment(articleId, null, "کیان", reader, "باز هم", "APPROVED", true, true, null);
        sendApproved(articleId, third, null);
        sendApproved(articleId, comment(articleId, third, "دیگری", unique("other"), "پاسخ", "APPROVED", false, false,
                null), third);
        KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, APPROVED, approvedData(articleId, first, null),
                eventId);
        awaitMarker(articleId);
        assertThat(mailsTo(reader)).hasSize(1);
    }

    // --- fixtures -------------------------------------------------------------------------------

    private String article(String title) {
        String id = new ObjectId().toHexString();
        mongo.getCollection(CommentDocuments.ARTICLES).insertOne(new Document("_id", id)
                .append("slug", title.replace(' ', '-')).append("title", title)
                .append("publishedAt", new Date()).append("commentsOpen", true));
        return id;
    }

    private String comment(String articleId, String parentId, String name, String email, String body, String status,
            boolean notifyApproval, boolean notifyReplies, Object heldBy) {
        ObjectId id = new ObjectId();
        Document doc = new Document("_id", id).append("articleId", articleId).append("parentId", parentId)
                .append("authorName", name).append("authorEmail", email).append("body", body)
                .append("status", status).append("createdAt", Date.from(Instant.parse("2023-04-09T09:00:00Z")))
                .append("notifyApproval", notifyApproval).append("notifyReplies", notifyReplies)
                .append("version", 0L);
        if (heldBy != null) {
            doc.append("heldBy", heldBy);
        }
        mongo.getCollection(CommentDocuments.COMMENTS).insertOne(doc);
        return id.toHexString();
    }

    private Document commentDoc(String id) {
        return mongo.getCollection(CommentDocuments.COMMENTS).find(Filters.eq("_id", new ObjectId(id))).first();
    }

    private static String submittedData(String articleId, String commentId) {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples("comment-submitted.v1.schema.json").get(0));
        data.put("articleId", articleId).put("commentId", commentId);
        return JSON.writeValueAsString(data);
    }

    private static String approvedData(String articleId, String commentId, String parentId) {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples("comment-approved.v1.schema.json").get(0));
        data.put("articleId", articleId).put("commentId", commentId).put("parentId", parentId);
        return JSON.writeValueAsString(data);
    }

    private String sendSubmitted(String articleId, String commentId) {
        return KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, SUBMITTED,
                submittedData(articleId, commentId));
    }

    private String sendApproved(String articleId, String commentId, String parentId) {
        return KafkaProbe.sendCloudEvent(bootstrap(), COMMENT_EVENTS, articleId, APPROVED,
                approvedData(articleId, commentId, parentId));
    }

    /**
     * Events of one article share a partition and are handled in order: once a mail caused by a later
     * event arrives, every earlier event was handled.
     */
    private void awaitMarker(String articleId) throws Exception {
        String marker = unique("marker");
        sendApproved(articleId, comment(articleId, null, "نشانه", marker, "نشانه", "APPROVED", true, false, null), null);
        awaitOneMailTo(marker, "دیدگاه شما منتشر شد");
    }

    private MimeMessage mailFor(String commentId, String text) {
        return await().atMost(WAIT).until(() -> mailsTo(MODERATOR).stream().filter(m -> body(m).contains(text))
                .findFirst().orElse(null), m -> m != null);
    }

    private static MimeMessage awaitOneMailTo(String address, String subject) {
        return await().atMost(WAIT).until(() -> mailsTo(address).stream()
                .filter(m -> subject(m).contains(subject)).reduce((a, b) -> b).orElse(null), m -> m != null);
    }

    /** Mails addressed to this address, one per message (GreenMail stores a copy per recipient mailbox). */
    private static List<MimeMessage> mailsTo(String address) {
        java.util.Map<String, MimeMessage> byMessageId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (deliveredTo(m, address)) {
                byMessageId.putIfAbsent(messageId(m), m);
            }
        }
        return List.copyOf(byMessageId.values());
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean deliveredTo(MimeMessage mail, String address) {
        return recipients(mail).stream().anyMatch(r -> r.equalsIgnoreCase(address));
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return part instanceof MimeMessage ? "" : null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> links(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Mail links point at the public site; the test follows them to this instance. */
    private String local(String link) {
        return link.startsWith(LINK_PREFIX) ? base() + link.substring("https://sarkhat.example".length()) : link;
    }

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(local(url))).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String accept, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(local(url))).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.ir";
    }
}
