package ir.sarkhat.article.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every feed and sitemap parsed with a real (namespace-aware) XML parser, and its required elements checked. */
class FeedsIT extends ReaderSideContext {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final Instant T0 = Instant.parse("2024-03-01T06:00:00Z");

    @Test
    void rssCarriesTheLatestTwentyWithRfc822DatesAndAbsoluteEncodedLinks() {
        for (int i = 0; i < 22; i++) {
            article("خبر خوراک " + i + " & <ویژه>").slug("خوراک-" + i).at(T0.plusSeconds(i * 60L)).tags("فناوری").insert();
        }
        article("پیش‌نویس خوراک").slug("پیش-خوراک").status("DRAFT").at(T0.plusSeconds(99_999)).insert();

        for (String path : List.of("/feed", "/feed/rss2")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
            Element rss = parse(response).getDocumentElement();
            assertThat(rss.getTagName()).isEqualTo("rss");
            assertThat(rss.getAttribute("version")).isEqualTo("2.0");
            Element channel = only(rss, "channel");
            assertThat(text(channel, "title")).isEqualTo("سرخط");
            assertThat(text(channel, "link")).isEqualTo(BASE + "/");
            assertThat(text(channel, "description")).isNotBlank();
            assertThat(text(channel, "language")).isEqualTo("fa-IR");
            Element self = (Element) channel.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(self.getAttribute("rel")).isEqualTo("self");
            assertThat(self.getAttribute("href")).isEqualTo(BASE + path);
            List<Element> items = children(channel, "item");
            assertThat(items).hasSize(20);
            Element first = items.get(0);
            assertThat(text(first, "title")).isEqualTo("خبر خوراک 21 & <ویژه>");
            assertThat(text(first, "link")).isEqualTo(BASE + "/articles/" + segment("خوراک-21"));
            assertThat(URI.create(text(first, "link")).isAbsolute()).isTrue();
            assertThat(ZonedDateTime.parse(text(first, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .isEqualTo(T0.plusSeconds(21 * 60));
            assertThat(text(first, "pubDate")).isEqualTo("Fri, 1 Mar 2024 06:21:00 GMT");
            assertThat(text(first, "guid")).isNotBlank();
            assertThat(text(first, "description")).isEqualTo("خلاصه خبر خوراک 21 & <ویژه>");
            assertThat(text(first, "category")).isEqualTo("فناوری");
            assertThat(items).noneMatch(item -> text(item, "title").contains("پیش‌نویس"));
        }
    }

    @Test
    void atomHasTheRequiredElementsWithRfc3339Dates() {
        article("خبر اتم").slug("اتم").at(T0).updated(T0.plusSeconds(3600)).author("maryam").insert();

        HttpResponse<String> response = get("/feed/atom");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        Element feed = parse(response).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(atomText(feed, "id")).isEqualTo(BASE + "/feed/atom");
        assertThat(atomText(feed, "title")).isEqualTo("سرخط");
        assertThat(OffsetDateTime.parse(atomText(feed, "updated")).toInstant()).isEqualTo(T0.plusSeconds(3600));
        assertThat(feed.getElementsByTagNameNS(ATOM, "author").getLength()).isPositive();
        Element entry = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(atomText(entry, "id")).isNotBlank();
        assertThat(URI.create(atomText(entry, "id")).isAbsolute()).isTrue();
        assertThat(atomText(entry, "title")).isEqualTo("خبر اتم");
        assertThat(atomText(entry, "updated")).isEqualTo("2024-03-01T07:00:00Z");
        assertThat(atomText(entry, "published")).isEqualTo("2024-03-01T06:00:00Z");
        Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(link.getAttribute("href")).isEqualTo(BASE + "/articles/" + segment("اتم"));
        assertThat(atomText((Element) entry.getElementsByTagNameNS(ATOM, "author").item(0), "name")).isEqualTo("maryam");
    }

    @Test
    void tagAndCategoryFeedsHoldOnlyTheirArticles() {
        mongo.getCollection("categories").insertMany(List.of(
                new Document("_id", "سیاست").append("name", "سیاست").append("parent", null),
                new Document("_id", "مجلس").append("name", "مجلس").append("parent", "سیاست")));
        article("خبر مجلس").slug("مجلس-1").at(T0).categories("مجلس").insert();
        article("خبر فوتبال").slug("فوتبال-1").at(T0).tags("فوتبال").insert();

        HttpResponse<String> category = get("/category/" + segment("سیاست") + "/feed");
        assertThat(category.statusCode()).isEqualTo(200);
        assertThat(titles(category)).containsExactly("خبر مجلس");
        HttpResponse<String> tag = get("/tag/" + segment("فوتبال") + "/feed");
        assertThat(titles(tag)).containsExactly("خبر فوتبال");
        Element self = (Element) parse(tag).getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(self.getAttribute("href")).isEqualTo(BASE + "/tag/" + segment("فوتبال") + "/feed");

        assertThat(get("/tag/" + segment("ناموجود") + "/feed").statusCode()).isEqualTo(404);
        assertThat(get("/category/" + segment("ناموجود") + "/feed").statusCode()).isEqualTo(404);
    }

    @Test
    void theSitemapListsPublishedArticlesAndTheirArchives() {
        mongo.getCollection("categories").insertOne(new Document("_id", "اقتصاد").append("name", "اقتصاد"));
        article("خبر نقشه").slug("نقشه").at(T0).updated(T0.plusSeconds(7200)).tags("بورس").categories("اقتصاد")
                .author("ali").insert();
        article("پیش‌نویس نقشه").slug("پیش-نقشه").status("DRAFT").insert();

        HttpResponse<String> response = get("/sitemap.xml");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        org.w3c.dom.Document sitemap = parse(response);
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP, "url");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
            assertThat(URI.create(loc).isAbsolute()).as(loc).isTrue();
            assertThat(loc).as("percent-encoded").matches("\\p{ASCII}+");
            OffsetDateTime.parse(url.getElementsByTagNameNS(SITEMAP, "lastmod").item(0).getTextContent());
            locs.add(loc);
        }
        assertThat(locs).containsExactlyInAnyOrder(BASE + "/", BASE + "/articles/" + segment("نقشه"),
                BASE + "/tag/" + segment("بورس"), BASE + "/category/" + segment("اقتصاد"), BASE + "/author/ali");
        assertThat(response.body()).contains("<lastmod>2024-03-01T08:00:00Z</lastmod>");
    }

    @Test
    void theNewsSitemapHoldsTheLastFortyEightHours() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        article("خبر امروز").slug("امروز").at(now.minusSeconds(3600)).insert();
        article("خبر سه روز پیش").slug("سه-روز").at(now.minus(3, ChronoUnit.DAYS)).insert();

        HttpResponse<String> response = get("/news-sitemap.xml");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        org.w3c.dom.Document sitemap = parse(response);
        NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP, "url");
        assertThat(urls.getLength()).isEqualTo(1);
        Element url = (Element) urls.item(0);
        assertThat(url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent())
                .isEqualTo(BASE + "/articles/" + segment("امروز"));
        Element publication = (Element) url.getElementsByTagNameNS(NEWS, "publication").item(0);
        assertThat(publication.getElementsByTagNameNS(NEWS, "name").item(0).getTextContent()).isEqualTo("سرخط");
        assertThat(publication.getElementsByTagNameNS(NEWS, "language").item(0).getTextContent()).isEqualTo("fa");
        assertThat(OffsetDateTime.parse(url.getElementsByTagNameNS(NEWS, "publication_date").item(0).getTextContent())
                .toInstant()).isEqualTo(now.minusSeconds(3600));
        assertThat(url.getElementsByTagNameNS(NEWS, "title").item(0).getTextContent()).isEqualTo("خبر امروز");
    }

    private List<String> titles(HttpResponse<String> rss) {
        return children(only(parse(rss).getDocumentElement(), "channel"), "item").stream().map(i -> text(i, "title")).toList();
    }

    static org.w3c.dom.Document parse(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + response.body(), e);
        }
    }

    static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getNamespaceURI() == null && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(Element::getTextContent).orElse(null);
    }

    static String atomText(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("No atom:" + name + " in " + parent.getLocalName());
    }
}
