package ir.sarkhat.article.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import ir.sarkhat.article.ArticleServiceApplication;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WordPress import as an admin runs it: the WordPress project's theme unit test export goes in
 * through the API; every published post, category, tag and comment must come through, counted
 * independently in the file with XPath. Then: a second import changes and emits nothing, a partial
 * import resumes, bad files and bad items are reported, old URLs redirect, the export re-imports.
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A request limit far below the fixture's 609 KB: the upload path streams to disk and is exempt.
        properties = { "spring.mongodb.database=" + WordPressImportIT.DATABASE, "sarkhat.web.max-request-size=64KB" })
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class WordPressImportIT {

    static final String DATABASE = "sarkhat-wordpress-import";
    static final String ADMIN = TestTokens.bearer("admin", "ADMIN");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CommentServiceFake COMMENTS = start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri(DATABASE));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("sarkhat.wordpress.comment-service-url", COMMENTS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker kafka;

    final HttpClient http = HttpClient.newHttpClient();

    static CommentServiceFake start() {
        try {
            return new CommentServiceFake();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        COMMENTS.close();
    }

    @BeforeEach
    void emptyDatabase() {
        for (String collection : List.of("articles", "categories", "revisions", "slug_history", "wordpress_imports",
                "public_comments")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        COMMENTS.reset();
    }

    // ---- the fixture, counted independently ----

    static Path fixture() throws Exception {
        Path file = Files.createTempFile("wxr", ".xml");
        try (InputStream in = WordPressImportIT.class.getResourceAsStream("/wordpress/themeunittestdata.wordpress.xml")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** XPath over the file, with the prefixes the WXR uses (1.2 over https, as in the fixture). */
    static final class Xml {
        final org.w3c.dom.Document doc;
        final XPath xpath = XPathFactory.newInstance().newXPath();

        Xml(Path file, String wpNamespace) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().parse(file.toFile());
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return switch (prefix) {
                        case "wp" -> wpNamespace;
                        case "excerpt" -> wpNamespace + "excerpt/";
                        case "dc" -> "http://purl.org/dc/elements/1.1/";
                        default -> XMLConstants.NULL_NS_URI;
                    };
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public java.util.Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
        }

        int count(String expression) throws Exception {
            return ((Double) xpath.evaluate("count(" + expression + ")", doc, XPathConstants.NUMBER)).intValue();
        }

        Set<String> strings(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
            Set<String> values = new TreeSet<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                values.add(n.getTextContent().strip());
            }
            return values;
        }
    }

    static final String POSTS = "//item[wp:post_type='post']";
    static final String PAGES = "//item[wp:post_type='page']";
    static final String PUBLISHED = "//item[wp:post_type='post' and wp:status='publish']";

    @Test
    void everyPublishedPostCategoryTagAndCommentOfTheFixtureComesThroughOnceAndASecondImportChangesNothing()
            throws Exception {
        Path file = fixture();
        Xml wxr = new Xml(file, "https://wordpress.org/export/1.2/");
        int published = wxr.count(PUBLISHED);
        int drafts = wxr.count("//item[wp:post_type='post' and wp:status='draft']");
        int scheduled = wxr.count("//item[wp:post_type='post' and wp:status='future']");
        int categories = wxr.strings("//wp:category/wp:category_nicename").size();
        Set<String> tags = wxr.strings(POSTS + "/category[@domain='post_tag']");
        int comments = wxr.count("//wp:comment");
        int pending = wxr.count("//wp:comment[wp:comment_approved='0']");
        int replies = wxr.count("//wp:comment[wp:comment_parent!='0']");
        int pages = wxr.count(PAGES);
        int items = wxr.count("//item");
        // What the fixture README promises, so a changed fixture is noticed.
        assertThat(items).isEqualTo(186);
        assertThat(comments).isEqualTo(33);

        JsonNode job = importAndWait(file);
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("problemCount").asInt()).as(job.toString()).isZero();
        assertThat(job.get("total").asInt()).isEqualTo(items);
        assertThat(job.get("done").asInt()).isEqualTo(items);
        assertThat(job.get("created").get("posts").asInt()).isEqualTo(published + drafts + scheduled);
        assertThat(job.get("created").get("categories").asInt()).isEqualTo(categories);
        assertThat(job.get("created").get("comments").asInt()).isEqualTo(comments);
        assertThat(job.get("created").get("pages").asInt()).isEqualTo(pages);
        assertThat(job.get("skipped").get("attachment").asInt()).isEqualTo(wxr.count("//item[wp:post_type='attachment']"));
        assertThat(job.get("problemCount").asInt()).isZero();
        System.out.printf("WordPress fixture import: %d items, %d published posts, %d drafts, %d scheduled, "
                + "%d categories, %d tags, %d comments (%d pending, %d replies), %d pages as drafts, rate %.1f items/s%n",
                items, published, drafts, scheduled, categories, tags.size(), comments, pending, replies, pages,
                job.get("rate").asDouble());

        // Posts: published ones are published, with their WordPress slugs (decoded) and dates.
        List<Document> articles = mongo.getCollection("articles").find().into(new java.util.ArrayList<>());
        assertThat(articles.stream().filter(a -> "PUBLISHED".equals(a.getString("status")))).hasSize(published);
        assertThat(articles.stream().filter(a -> "DRAFT".equals(a.getString("status")))).hasSize(drafts + pages);
        assertThat(articles.stream().filter(a -> "SCHEDULED".equals(a.getString("status")))).hasSize(scheduled);
        Set<String> expectedSlugs = wxr.strings(PUBLISHED + "/wp:post_name").stream().map(WxrImport::decode)
                .collect(Collectors.toSet());
        Set<String> slugs = articles.stream().filter(a -> "PUBLISHED".equals(a.getString("status")))
                .map(a -> a.getString("slug")).collect(Collectors.toSet());
        assertThat(slugs).isEqualTo(expectedSlugs);
        // The fixture's non-ASCII slugs are pages' (%ce%b5%cf%80…): kept decoded, exactly, on the draft articles.
        assertThat(articles).anyMatch(a -> "επίπεδο-2".equals(a.getString("slug")) && "DRAFT".equals(a.getString("status")));
        Document markup = articles.stream().filter(a -> "markup-html-tags-and-formatting".equals(a.getString("slug")))
                .findFirst().orElseThrow();
        assertThat(markup.getLong("wordpressId")).isEqualTo(1178L);
        assertThat(markup.get("publishedAt", java.util.Date.class).toInstant().toString())
                .isEqualTo(wxr.strings("//item[wp:post_id='1178']/wp:post_date_gmt").iterator().next().replace(' ', 'T') + "Z")
                .isEqualTo("2013-01-12T03:22:19Z"); // the _gmt date, not the site's local one
        assertThat(markup.getString("bodyHtml")).contains("<h2>").doesNotContain("<script");
        assertThat(markup.getString("bodyFormat")).isEqualTo("HTML");
        // The manual excerpt and the author (dc:creator) as WordPress had them.
        Document excerpted = articles.stream().filter(a -> "template-excerpt-defined".equals(a.getString("slug")))
                .findFirst().orElseThrow();
        assertThat(excerpted.getString("excerpt")).isEqualTo(wxr.strings(
                "//item[wp:post_name='template-excerpt-defined']/excerpt:encoded").iterator().next());
        assertThat(excerpted.getString("author")).isEqualTo(wxr.strings(
                "//item[wp:post_name='template-excerpt-defined']/dc:creator").iterator().next());
        // Sticky, featured image (from its attachment), categories with hierarchy, tags.
        assertThat(articles.stream().filter(a -> Boolean.TRUE.equals(a.getBoolean("sticky"))))
                .hasSize(wxr.count(POSTS + "[wp:is_sticky='1']"));
        assertThat(articles.stream().filter(a -> a.get("featuredImage") != null))
                .hasSize(wxr.count(POSTS + "/wp:postmeta[wp:meta_key='_thumbnail_id']"));
        assertThat(mongo.getCollection("categories").countDocuments()).isEqualTo(categories);
        Document child = mongo.getCollection("categories").find(new Document("_id", "child-category-01")).first();
        assertThat(child.getString("parent")).isEqualTo("parent-category");
        Set<String> storedTags = articles.stream().flatMap(a -> a.getList("tags", String.class).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(storedTags).isEqualTo(tags);

        // Comments: every one, with the admin's token, its status, its parent.
        assertThat(COMMENTS.comments).hasSize(comments);
        assertThat(COMMENTS.authorizations).allMatch(ADMIN::equals);
        assertThat(COMMENTS.comments.values().stream().filter(c -> "PENDING".equals(c.get("status").asString())))
                .hasSize(pending);
        assertThat(COMMENTS.comments.values().stream().filter(c -> !c.get("parentWordpressId").isNull()))
                .hasSize(replies);
        JsonNode reply = COMMENTS.comments.get(905L);
        assertThat(reply.get("parentWordpressId").asLong()).isEqualTo(904L);
        assertThat(COMMENTS.articleOf.get(905L)).isEqualTo(COMMENTS.articleOf.get(904L));

        // One ArticlePublished per published post, none from the second import.
        Set<String> ids = articles.stream().map(a -> a.getObjectId("_id") == null ? a.get("_id").toString()
                : a.getObjectId("_id").toHexString()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedEvents(ids) == published);
        JsonNode again = importAndWait(file);
        assertThat(again.get("created").get("posts").asInt()).isZero();
        assertThat(again.get("created").get("categories").asInt()).isZero();
        assertThat(again.get("existing").get("posts").asInt()).isEqualTo(published + drafts + scheduled);
        assertThat(again.get("existing").get("pages").asInt()).isEqualTo(pages);
        assertThat(again.get("existing").get("comments").asInt()).isEqualTo(comments);
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(articles.size());
        List<ConsumerRecord<String, String>> all = KafkaProbe.readAll(kafka.getBrokersAsString(), "article-events",
                Duration.ofSeconds(3));
        assertThat(all.stream().filter(r -> ids.contains(r.key()))).hasSize(published);

        // Old addresses answer 301 to the article.
        HttpResponse<String> byId = get("/?p=1178", null);
        assertThat(byId.statusCode()).isEqualTo(301);
        assertThat(byId.headers().firstValue("Location").orElseThrow()).endsWith("/articles/markup-html-tags-and-formatting");
        HttpResponse<String> byDate = get("/2013/01/11/markup-html-tags-and-formatting/", null);
        assertThat(byDate.statusCode()).isEqualTo(301);
        assertThat(byDate.headers().firstValue("Location").orElseThrow()).endsWith("/articles/markup-html-tags-and-formatting");
        assertThat(get("/?p=999999", null).statusCode()).isEqualTo(404);
        assertThat(get("/2013/01/11/no-such-post/", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anImportStoppedPartWayResumesAndEndsWithEverythingExactlyOnce() throws Exception {
        Path file = fixture();
        Xml wxr = new Xml(file, "https://wordpress.org/export/1.2/");
        int posts = wxr.count(POSTS) + wxr.count(PAGES);
        int comments = wxr.count("//wp:comment");
        COMMENTS.downAfter.set(3); // comment-service goes down after three posts' comments
        JsonNode stopped = importAndWait(file);
        assertThat(stopped.get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(stopped.get("error").asString()).contains("comment-service");
        assertThat(stopped.get("done").asInt()).isLessThan(stopped.get("total").asInt());
        long partial = mongo.getCollection("articles").countDocuments();
        assertThat(partial).isPositive().isLessThan(posts);

        COMMENTS.downAfter.set(-1);
        HttpResponse<String> resumed = send("POST", "/api/admin/import/jobs/" + stopped.get("id").asString() + "/resume",
                null, ADMIN);
        assertThat(resumed.statusCode()).isEqualTo(202);
        JsonNode done = waitFor(stopped.get("id").asString());
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("problemCount").asInt()).as(done.toString()).isZero();
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(posts);
        assertThat(done.get("created").get("posts").asInt() + done.get("created").get("pages").asInt()).isEqualTo(posts);
        assertThat(COMMENTS.comments).hasSize(comments);
        assertThat(done.get("created").get("comments").asInt()).isEqualTo(comments);
    }

    @Autowired
    WxrImport imports;

    @Test
    void aJobLeftRunningByAStoppedInstanceIsMarkedInterruptedAtStartupAndResumes() throws Exception {
        Path file = fixture();
        COMMENTS.downAfter.set(5);
        JsonNode stopped = importAndWait(file);
        String id = stopped.get("id").asString();
        // As a crash leaves it: still RUNNING, silent for longer than a live job ever is.
        mongo.getCollection("wordpress_imports").updateOne(new Document("_id", new org.bson.types.ObjectId(id)), new Document("$set",
                new Document("status", "RUNNING").append("updatedAt", java.util.Date.from(
                        java.time.Instant.now().minus(WxrImport.STALE).minusSeconds(1)))));
        imports.interruptOrphans(); // what the service does when it starts again
        JsonNode marked = JSON.readTree(get("/api/admin/import/jobs/" + id, ADMIN).body());
        assertThat(marked.get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(marked.get("error").asString()).contains("stopped during the import");

        COMMENTS.downAfter.set(-1);
        assertThat(send("POST", "/api/admin/import/jobs/" + id + "/resume", null, ADMIN).statusCode()).isEqualTo(202);
        JsonNode done = waitFor(id);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        Xml wxr = new Xml(file, "https://wordpress.org/export/1.2/");
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(wxr.count(POSTS) + wxr.count(PAGES));
        assertThat(COMMENTS.comments).hasSize(wxr.count("//wp:comment"));
        assertThat(send("POST", "/api/admin/import/jobs/" + id + "/resume", null, ADMIN).statusCode()).isEqualTo(409);
    }

    @Test
    void filesThatAreNotWordPressExportsAreRefusedAtOnceAndATruncatedOneFailsWithoutWritingAnything()
            throws Exception {
        HttpResponse<String> notXml = upload("title,body\nhello,world\n".getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(notXml.statusCode()).isEqualTo(400);
        assertThat(notXml.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(JSON.readTree(notXml.body()).get("detail").asString()).contains("not XML");

        HttpResponse<String> wrongNamespace = upload(("<rss xmlns:wp=\"http://example.com/export/1.2/\"><channel>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(wrongNamespace.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongNamespace.body()).get("detail").asString()).contains("WXR namespace");

        byte[] whole = Files.readAllBytes(fixture());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
        HttpResponse<String> truncated = upload(cut, ADMIN);
        assertThat(truncated.statusCode()).isEqualTo(202);
        JsonNode failed = waitFor(JSON.readTree(truncated.body()).get("id").asString());
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("truncated").contains("line");
        assertThat(mongo.getCollection("articles").countDocuments()).isZero();
        assertThat(mongo.getCollection("categories").countDocuments()).isZero();

        assertThat(upload(whole, TestTokens.bearer("editor-1", "EDITOR")).statusCode()).isEqualTo(403);
        // Other endpoints keep the request size limit.
        assertThat(send("POST", "/api/articles", "{\"title\":\"" + "x".repeat(70_000) + "\"}",
                TestTokens.bearer("editor-1", "EDITOR")).statusCode()).isEqualTo(413);
        assertThat(upload(whole, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badItemsAreReportedWithTheirWordPressIdAndTheRestIsImported() throws Exception {
        String xml = WxrReaderTest.HEAD
                + post("10", "good-one", "publish", "2020-01-02 03:04:05")
                + post("10", "same-id-again", "publish", "2020-01-02 03:04:05")
                + post("11", "bad-date", "publish", "2020-13-45 99:00:00")
                + "<item><title>A product</title><wp:post_id>12</wp:post_id><wp:post_type>product</wp:post_type>"
                + "<wp:status>publish</wp:status></item>"
                + post("13", "good-two", "draft", "0000-00-00 00:00:00")
                + "</channel></rss>";
        HttpResponse<String> accepted = upload(xml.getBytes(StandardCharsets.UTF_8), ADMIN);
        JsonNode job = waitFor(JSON.readTree(accepted.body()).get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("created").get("posts").asInt()).isEqualTo(2);
        Map<String, String> problems = new java.util.HashMap<>();
        job.get("problems").forEach(p -> problems.put(p.get("wordpressId").asString(), p.get("reason").asString()));
        assertThat(problems).containsOnlyKeys("10", "11", "12");
        assertThat(problems.get("10")).contains("duplicate post id");
        assertThat(problems.get("11")).contains("wp:post_date_gmt '2020-13-45 99:00:00' is not a date");
        assertThat(problems.get("12")).contains("unknown post type 'product'");
        Set<String> slugs = new HashSet<>();
        mongo.getCollection("articles").find().forEach(a -> slugs.add(a.getString("slug")));
        assertThat(slugs).containsExactlyInAnyOrder("good-one", "good-two");

        // An editor's later edit of an imported article keeps it HTML, sanitized like the import.
        String id = mongo.getCollection("articles").find(new Document("slug", "good-one")).first()
                .getObjectId("_id").toHexString();
        String editor = TestTokens.bearer("editor-1", "EDITOR");
        HttpResponse<String> current = get("/api/articles/id/" + id, editor);
        assertThat(JSON.readTree(current.body()).get("bodyFormat").asString()).isEqualTo("HTML");
        HttpResponse<String> edited = http.send(request("/api/articles/" + id, editor)
                .header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"good-one\",\"body\":"
                        + "\"<h2>Still HTML</h2><p onclick=\\\"x()\\\">text</p><script>bad()</script>\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).get("bodyHtml").asString())
                .isEqualTo("<h2>Still HTML</h2><p>text</p>");
    }

    @Test
    void theExportHoldsEveryArticleWithItsTaxonomyAndApprovedCommentsAndImportsBackTheSame() throws Exception {
        assertThat(importAndWait(fixture()).get("status").asString()).isEqualTo("DONE");
        List<Document> before = mongo.getCollection("articles").find().into(new java.util.ArrayList<>());
        Document first = before.stream().filter(a -> "PUBLISHED".equals(a.getString("status"))).findFirst().orElseThrow();
        String articleId = first.getObjectId("_id").toHexString();
        // Two approved comments, one answering the other, as comment-service's events leave them here.
        mongo.getCollection("public_comments").insertMany(List.of(
                new Document("_id", "c1").append("articleId", articleId).append("authorName", "مریم")
                        .append("bodyHtml", "نخست").append("createdAt", new java.util.Date(1_600_000_000_000L))
                        .append("visible", true).append("depth", 0),
                new Document("_id", "c2").append("articleId", articleId).append("parentId", "c1")
                        .append("authorName", "علی").append("bodyHtml", "پاسخ")
                        .append("createdAt", new java.util.Date(1_600_000_100_000L)).append("visible", true)
                        .append("depth", 1)));

        HttpResponse<InputStream> export = http.send(request("/api/admin/export/wxr", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        Path exported = Files.createTempFile("export", ".xml");
        try (InputStream in = export.body()) {
            Files.copy(in, exported, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Xml out = new Xml(exported, WxrWriter.WP);
        assertThat(out.count(POSTS)).isEqualTo(before.size());
        assertThat(out.count("//wp:category")).isEqualTo((int) mongo.getCollection("categories").countDocuments());
        assertThat(out.count(POSTS + "/wp:comment")).isEqualTo(2);
        assertThat(out.strings(POSTS + "/wp:comment[wp:comment_author='علی']/wp:comment_parent"))
                .isEqualTo(out.strings(POSTS + "/wp:comment[wp:comment_author='مریم']/wp:comment_id"));

        emptyDatabase();
        JsonNode again = importAndWait(exported);
        assertThat(again.get("status").asString()).isEqualTo("DONE");
        assertThat(again.get("problemCount").asInt()).isZero();
        List<Document> after = mongo.getCollection("articles").find().into(new java.util.ArrayList<>());
        assertThat(after).hasSize(before.size());
        assertThat(view(after)).isEqualTo(view(before));
        assertThat(COMMENTS.comments).hasSize(2);
    }

    /** What a reader sees of each article: slug → title, state, publication time, tags, categories, sticky. */
    private static Map<String, String> view(List<Document> articles) {
        return articles.stream().collect(Collectors.toMap(a -> a.getString("slug"), a -> String.join("|",
                a.getString("title"), a.getString("status"), String.valueOf(a.get("publishedAt")),
                String.valueOf(new TreeSet<>(a.getList("tags", String.class))),
                String.valueOf(new TreeSet<>(a.getList("categories", String.class))),
                String.valueOf(a.getBoolean("sticky")))));
    }

    private static String post(String id, String slug, String status, String dateGmt) {
        return "<item><title>" + slug + "</title><wp:post_id>" + id + "</wp:post_id><wp:post_name>" + slug
                + "</wp:post_name><wp:post_type>post</wp:post_type><wp:status>" + status + "</wp:status>"
                + "<wp:post_date>2020-01-02 03:04:05</wp:post_date><wp:post_date_gmt>" + dateGmt + "</wp:post_date_gmt>"
                + "<content:encoded><![CDATA[Body of " + slug + "]]></content:encoded></item>\n";
    }

    // ---- HTTP ----

    private long publishedEvents(Set<String> ids) {
        return KafkaProbe.readAll(kafka.getBrokersAsString(), "article-events", Duration.ofSeconds(2)).stream()
                .filter(r -> ids.contains(r.key()))
                .filter(r -> "sarkhat.article.published.v1".equals(KafkaProbe.header(r, "ce_type"))).count();
    }

    private JsonNode importAndWait(Path file) throws Exception {
        HttpResponse<String> accepted = upload(Files.readAllBytes(file), ADMIN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/admin/import/jobs/");
        return waitFor(location.substring(location.lastIndexOf('/') + 1));
    }

    private JsonNode waitFor(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = JSON.readTree(get("/api/admin/import/jobs/" + id, ADMIN).body());
            return !"RUNNING".equals(last[0].get("status").asString());
        });
        return last[0];
    }

    private HttpResponse<String> upload(byte[] body, String authorization) throws Exception {
        HttpRequest.Builder builder = request("/api/admin/import/wxr", authorization)
                .header("Content-Type", "application/rss+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        return http.send(request(path, authorization).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }
}
