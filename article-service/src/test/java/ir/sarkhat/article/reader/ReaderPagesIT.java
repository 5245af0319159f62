package ir.sarkhat.article.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.bson.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import ir.sarkhat.article.text.PersianDates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reader pages as a browser and a crawler see them. */
class ReaderPagesIT extends ReaderSideContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2024-03-01T06:00:00Z");

    @Test
    void theArticlePageCarriesEverythingAReaderAndACrawlerNeed() {
        mongo.getCollection("categories").insertMany(List.of(
                new Document("_id", "فناوری").append("name", "فناوری").append("parent", null),
                new Document("_id", "هوش-مصنوعی").append("name", "هوش مصنوعی").append("parent", "فناوری")));
        String title = "پنجره واحد </script><script>alert(1)</script> راه‌اندازی شد";
        var older = article("خبر قبلی آزمون").slug("خبر-قبلی").at(T0.minusSeconds(3600)).tags("اقتصاد").insert();
        var main = article(title).slug("پنجره-واحد").at(T0).updated(T0.plusSeconds(5400))
                .tags("دولت هوشمند", "فناوری").categories("هوش-مصنوعی").author("maryam").source("ایسنا")
                .excerpt("سامانه پنجره واحد خدمات دولت هوشمند راه‌اندازی شد.")
                .image("https://cdn.example/p.jpg", "نمای سامانه").insert();
        var related = article("خبر مرتبط با دولت هوشمند").slug("خبر-مرتبط").at(T0.plusSeconds(60))
                .tags("دولت هوشمند").insert();
        article("خبر بی‌ربط").slug("بی-ربط").at(T0.plusSeconds(30)).tags("ورزش").insert();
        stats(main.id(), 1234, 5);

        HttpResponse<String> response = get("/articles/" + segment("پنجره-واحد"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Sarkhat-Article-Id")).hasValue(main.id());
        org.jsoup.nodes.Document page = page("/articles/" + segment("پنجره-واحد"));
        String canonical = BASE + "/articles/" + segment("پنجره-واحد");

        assertPersianPage(page, canonical);
        assertThat(page.select("meta[name=description]").attr("content"))
                .isEqualTo("سامانه پنجره واحد خدمات دولت هوشمند راه‌اندازی شد.");
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:image")).isEqualTo("https://cdn.example/p.jpg");
        assertThat(meta(page, "og:title")).startsWith(title);
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select("figure.featured img").attr("alt")).isEqualTo("نمای سامانه");

        // Jalali dates with Persian digits in the text, ISO in the machine-readable attribute.
        Element published = page.select("article .meta time").first();
        assertThat(published.attr("datetime")).isEqualTo(T0.toString());
        assertThat(published.text()).isEqualTo(PersianDates.jalali(T0)).isEqualTo("۱۱ اسفند ۱۴۰۲");
        assertThat(page.select(".updated time").text()).isEqualTo(PersianDates.jalali(T0.plusSeconds(5400)));
        assertThat(page.select(".views").text()).isEqualTo("۱٬۲۳۴ بازدید");
        assertThat(page.select(".reading-time").text()).isEqualTo("زمان مطالعه: ۲ دقیقه");
        assertThat(page.select("a.comment-count").text()).as("approved comments, from the stats").isEqualTo("۵ دیدگاه");
        assertThat(page.select(".meta, #comments, .cards").text()).doesNotContainPattern("[0-9]");

        assertThat(page.select(".categories a").attr("href")).isEqualTo("/category/" + segment("هوش-مصنوعی"));
        assertThat(page.select(".categories a").text()).isEqualTo("هوش مصنوعی");
        assertThat(page.select(".tags a").eachAttr("href")).containsExactly("/tag/" + segment("دولت هوشمند"),
                "/tag/" + segment("فناوری"));
        assertThat(page.select("a.author").attr("href")).isEqualTo("/author/maryam");
        assertThat(page.select(".source").text()).isEqualTo("منبع: ایسنا");

        List<String> share = page.select(".share a").eachAttr("href");
        assertThat(share).hasSize(6).allSatisfy(href -> assertThat(href).contains(segment(canonical)));
        assertThat(share).anyMatch(h -> h.startsWith("https://t.me/share/url?url="))
                .anyMatch(h -> h.startsWith("https://wa.me/")).anyMatch(h -> h.startsWith("https://x.com/intent/"))
                .anyMatch(h -> h.startsWith("https://www.facebook.com/sharer/"))
                .anyMatch(h -> h.startsWith("https://www.linkedin.com/")).anyMatch(h -> h.startsWith("mailto:"));

        assertThat(page.select(".related .cards h2 a").eachText()).containsExactly(related.title());
        assertThat(page.select(".neighbours .previous").attr("href")).isEqualTo("/articles/" + segment(older.slug()));
        assertThat(page.select(".neighbours .next").attr("href")).isEqualTo("/articles/" + segment("بی-ربط"));
        assertThat(page.select("section#comments").attr("data-article-id")).isEqualTo(main.id());

        // JSON-LD: one data block, and the title's "</script>" could not break out of it.
        Elements scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.attr("type")).isEqualTo("application/ld+json");
        assertThat(response.body().split("</script>", -1).length - 1).as("no extra </script> from the title")
                .isEqualTo(page.select("script").size());
        JsonNode ld = JSON.readTree(scripts.first().data());
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo(title);
        assertThat(OffsetDateTime.parse(ld.get("datePublished").asString()).toInstant()).isEqualTo(T0);
        assertThat(ld.get("datePublished").asString()).isEqualTo("2024-03-01T09:30:00+03:30");
        assertThat(OffsetDateTime.parse(ld.get("dateModified").asString()).toInstant()).isEqualTo(T0.plusSeconds(5400));
        assertThat(ld.get("author").get("name").asString()).isEqualTo("maryam");
        assertThat(ld.get("image").get(0).asString()).isEqualTo("https://cdn.example/p.jpg");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("سرخط");
        assertThat(ld.get("mainEntityOfPage").get("@id").asString()).isEqualTo(canonical);
        assertThat(ld.get("inLanguage").asString()).isEqualTo("fa-IR");
    }

    @Test
    void anArticleStoredBeforeIssueThreeStillRenders() {
        var legacy = article("خبر قدیمی اسکلت").slug("خبر-قدیمی").legacy().insert();

        org.jsoup.nodes.Document page = page("/articles/" + segment(legacy.slug()));

        assertThat(page.select("h1").text()).isEqualTo("خبر قدیمی اسکلت");
        assertThat(page.select("figure.featured")).isEmpty();
        assertThat(page.select(".categories")).isEmpty();
        assertThat(meta(page, "og:image")).isEmpty();
    }

    @Test
    void homeShowsStickyFirstThenLatestPageByPageAndTheMostViewed() {
        var sticky = article("خبر ویژه صفحه اول").slug("ویژه").at(T0.minusSeconds(86_400)).sticky().insert();
        for (int i = 0; i < 23; i++) {
            article("خبر شماره " + i).slug("خبر-" + i).at(T0.plusSeconds(i * 60L)).insert();
        }
        article("پیش‌نویس پنهان").slug("پنهان").at(T0.plusSeconds(99_999)).status("DRAFT").insert();
        var viewed = article("پربازدیدترین خبر").slug("پربازدید").at(T0.minusSeconds(200_000)).insert();
        stats(viewed.id(), 900, 0);
        stats(sticky.id(), 40, 0);

        org.jsoup.nodes.Document home = page("/");

        assertPersianPage(home, BASE + "/");
        assertThat(meta(home, "og:type")).isEqualTo("website");
        assertThat(home.select(".sticky .cards h2 a").eachText()).containsExactly("خبر ویژه صفحه اول");
        List<String> latest = home.select(".latest .cards h2 a").eachText();
        assertThat(latest).hasSize(20).startsWith("خبر شماره 22", "خبر شماره 21").doesNotContain("پیش‌نویس پنهان",
                "خبر ویژه صفحه اول");
        assertThat(home.text()).doesNotContain("پیش‌نویس پنهان");
        assertThat(home.select(".most-viewed h2").text()).isEqualTo("پربازدیدترین‌ها");
        assertThat(home.select(".most-viewed a").eachText()).containsExactly("پربازدیدترین خبر", "خبر ویژه صفحه اول");
        assertThat(home.select(".most-viewed .meta").eachText()).containsExactly("۹۰۰ بازدید", "۴۰ بازدید");

        Element more = home.select(".more a").first();
        assertThat(more.text()).isEqualTo("خبرهای بیشتر");
        org.jsoup.nodes.Document second = page(more.attr("href"));
        assertThat(second.select(".latest .cards h2 a").eachText()).containsExactly("خبر شماره 2", "خبر شماره 1",
                "خبر شماره 0", "پربازدیدترین خبر");
        assertThat(second.select(".more")).isEmpty();
        assertThat(second.select(".sticky")).isEmpty();

        HttpResponse<String> badCursor = get("/?cursor=bm90LWEtY3Vyc29y");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.body()).contains("dir=\"rtl\"").contains("نشانی این صفحه درست نیست");
    }

    @Test
    void archivesListTheirArticlesAndUnknownOnesAreAPersianNotFound() {
        mongo.getCollection("categories").insertMany(List.of(
                new Document("_id", "سیاست").append("name", "سیاست").append("parent", null),
                new Document("_id", "مجلس").append("name", "مجلس").append("parent", "سیاست"),
                new Document("_id", "ورزش").append("name", "ورزش").append("parent", null)));
        article("خبر سیاسی").slug("سیاسی").at(T0).categories("سیاست").tags("انتخابات").author("ali").insert();
        article("خبر مجلس").slug("مجلس-خبر").at(T0.plusSeconds(60)).categories("مجلس").tags("انتخابات").insert();
        article("خبر ورزشی").slug("ورزشی").at(T0.plusSeconds(120)).categories("ورزش").author("ali").insert();
        for (int i = 0; i < 21; i++) {
            article("انتخابات " + i).slug("انتخابات-" + i).at(T0.plusSeconds(1000 + i)).tags("انتخابات").insert();
        }

        org.jsoup.nodes.Document category = page("/category/" + segment("سیاست"));
        assertPersianPage(category, BASE + "/category/" + segment("سیاست"));
        assertThat(category.select("h1").text()).isEqualTo("دسته: سیاست");
        assertThat(category.select(".cards h2 a").eachText()).containsExactly("خبر مجلس", "خبر سیاسی");
        assertThat(page("/category/" + segment("مجلس")).select(".cards h2 a").eachText()).containsExactly("خبر مجلس");

        org.jsoup.nodes.Document author = page("/author/ali");
        assertPersianPage(author, BASE + "/author/ali");
        assertThat(author.select(".cards h2 a").eachText()).containsExactly("خبر ورزشی", "خبر سیاسی");

        org.jsoup.nodes.Document tag = page("/tag/" + segment("انتخابات"));
        assertPersianPage(tag, BASE + "/tag/" + segment("انتخابات"));
        assertThat(tag.select(".cards li")).hasSize(20);
        assertThat(tag.select("link[type=application/rss+xml]").attr("href"))
                .isEqualTo(BASE + "/tag/" + segment("انتخابات") + "/feed");
        org.jsoup.nodes.Document tagMore = page(tag.select(".more a").attr("href"));
        assertThat(tagMore.select(".cards h2 a").eachText()).containsExactly("انتخابات 0", "خبر مجلس", "خبر سیاسی");

        for (String unknown : List.of("/tag/" + segment("ناموجود"), "/category/" + segment("ناموجود"), "/author/nobody",
                "/articles/" + segment("ناموجود"))) {
            HttpResponse<String> notFound = get(unknown);
            assertThat(notFound.statusCode()).as(unknown).isEqualTo(404);
            assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(notFound.body()).as(unknown).contains("<html lang=\"fa\" dir=\"rtl\">").contains("پیدا نشد");
        }
        assertThat(get("/tag/" + segment("انتخابات") + "?cursor=%25%25%25").statusCode()).isEqualTo(400);
    }

    @Test
    void anOldSlugAnswersPermanentlyMovedToTheNewOne() {
        var renamed = article("خبر با نشانی تازه").slug("نشانی-تازه").insert();
        mongo.getCollection("slug_history").insertOne(new Document("_id", "نشانی-کهنه").append("articleId", renamed.id()));

        HttpResponse<String> moved = get("/articles/" + segment("نشانی-کهنه"));

        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(URI.create(l).getRawPath()).isEqualTo("/articles/" + segment("نشانی-تازه")));
    }

    @Test
    void theStylesheetIsVersionedByItsContentAndCachedForLong() {
        article("خبر سبک").slug("سبک").insert();
        org.jsoup.nodes.Document page = page("/articles/" + segment("سبک"));

        String href = page.select("link[rel=stylesheet]").attr("href");
        assertThat(href).matches("/assets/site-[0-9a-f]{32}\\.css");
        HttpResponse<String> css = get(href);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
        assertThat(css.body()).contains("direction: ltr").contains("Vazirmatn");
    }

    /** lang/dir, an absolute canonical URL, OpenGraph basics, the site stylesheet once and no inline script. */
    static void assertPersianPage(org.jsoup.nodes.Document page, String canonical) {
        assertThat(page.select("html").attr("lang")).isEqualTo("fa");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(URI.create(canonical).isAbsolute()).isTrue();
        assertThat(meta(page, "og:url")).isEqualTo(canonical);
        assertThat(meta(page, "og:locale")).isEqualTo("fa_IR");
        assertThat(meta(page, "og:title")).isNotBlank();
        assertThat(meta(page, "og:description")).isNotBlank();
        assertThat(page.select("link[rel=stylesheet][href^='/assets/site-']")).as("the site stylesheet, once").hasSize(1);
        assertThat(page.select("style")).isEmpty();
        // Scripts: the JSON-LD data block, the comment widget and the analytics beacon (external files), nothing inline.
        assertThat(page.select("script").not("[type=application/ld+json]").not("[src='/comments/widget.js']")
                .not("[src='/analytics/beacon.js']")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on")));
    }

    static String meta(org.jsoup.nodes.Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }
}
