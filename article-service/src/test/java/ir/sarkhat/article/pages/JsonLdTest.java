package ir.sarkhat.article.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class JsonLdTest {

    private final Site site = new Site("https://sarkhat.example/", "سرخط");

    @Test
    void nothingInTheDataCanCloseTheScriptElementYetTheJsonReadsBackTheSame() {
        String title = "تیتر </script><script>alert(1)</script> <!-- & ]]> \u2028";
        PageArticle article = new PageArticle("a1", "تیتر", title, "خلاصه", "<p>x</p>", List.of(), List.of(), "maryam",
                null, false, null, Instant.parse("2023-04-09T08:30:00Z"), null, 1);

        String ld = JsonLd.newsArticle(article, site, "https://sarkhat.example/articles/x");

        assertThat(ld).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(JsonMapper.builder().build().readTree(ld).get("headline").asString()).isEqualTo(title);
    }

    @Test
    void datesCarryTheTehranOffset() {
        assertThat(JsonLd.iso(Instant.parse("2023-04-09T08:30:00Z"))).isEqualTo("2023-04-09T12:00:00+03:30");
    }

    @Test
    void persianSlugsArePercentEncodedInAbsoluteUrls() {
        assertThat(site.url(Site.articlePath("پنجره-واحد")))
                .isEqualTo("https://sarkhat.example/articles/%D9%BE%D9%86%D8%AC%D8%B1%D9%87-%D9%88%D8%A7%D8%AD%D8%AF");
        assertThat(Site.tagPath("دولت هوشمند")).isEqualTo("/tag/%D8%AF%D9%88%D9%84%D8%AA%20%D9%87%D9%88%D8%B4%D9%85%D9%86%D8%AF");
    }
}
