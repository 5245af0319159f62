package ir.sarkhat.article.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ir.sarkhat.article.stats.Readership;

class CountSlotsTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void newCountsReplaceTheOldOnesInAPageAndCanBeWrittenAgain() {
        byte[] page = utf8("<h1>خبر</h1><span class=\"views\">۹ بازدید</span><a class=\"comment-count\" href=\"#comments\">"
                + "۰ دیدگاه</a><p>۰ دیدگاه</p>");
        CountSlots slots = CountSlots.find(CountSlots.Format.PAGE, page, new Readership(9, 0));

        CountSlots.Written once = slots.write(page, new Readership(1234, 10));
        CountSlots.Written twice = once.slots().write(once.body(), new Readership(7, 2));

        assertThat(text(once.body())).as("the comments section's own count is not the header's").isEqualTo(
                "<h1>خبر</h1><span class=\"views\">۱٬۲۳۴ بازدید</span><a class=\"comment-count\" href=\"#comments\">"
                        + "۱۰ دیدگاه</a><p>۰ دیدگاه</p>");
        assertThat(text(twice.body())).isEqualTo(
                "<h1>خبر</h1><span class=\"views\">۷ بازدید</span><a class=\"comment-count\" href=\"#comments\">"
                        + "۲ دیدگاه</a><p>۰ دیدگاه</p>");
    }

    @Test
    void theArticleOwnCountsInJsonAreTheFirstAfterItsFieldNames() {
        byte[] json = utf8("{\"title\":\"\\\"viewCount\\\":5,\",\"viewCount\":5,\"commentCount\":0,"
                + "\"related\":[{\"slug\":\"x\"}]}");
        CountSlots slots = CountSlots.find(CountSlots.Format.JSON, json, new Readership(5, 0));

        assertThat(text(slots.write(json, new Readership(60, 3)).body())).isEqualTo(
                "{\"title\":\"\\\"viewCount\\\":5,\",\"viewCount\":60,\"commentCount\":3,\"related\":[{\"slug\":\"x\"}]}");
    }

    @Test
    void countsThatCannotBeFoundExactlyOnceInTheirPlaceAreNotSlots() {
        Readership shown = new Readership(3, 0);
        String comments = "<a class=\"comment-count\" href=\"#comments\">۰ دیدگاه</a>";
        byte[] twice = utf8("<span class=\"views\">۳ بازدید</span>" + comments + comments);
        byte[] otherNumber = utf8("<span class=\"views\">۴ بازدید</span>" + comments);
        byte[] largerNumber = utf8("<span class=\"views\">۳۱ بازدید</span>" + comments);
        byte[] otherMarkup = utf8("<span>۳ بازدید</span>" + comments);

        assertThat(CountSlots.find(CountSlots.Format.PAGE, twice, shown)).isNull();
        assertThat(CountSlots.find(CountSlots.Format.PAGE, otherNumber, shown)).isNull();
        assertThat(CountSlots.find(CountSlots.Format.PAGE, largerNumber, shown)).isNull();
        assertThat(CountSlots.find(CountSlots.Format.PAGE, otherMarkup, shown)).isNull();
        assertThat(CountSlots.find(CountSlots.Format.JSON, utf8("{\"viewCount\":31,\"commentCount\":0,}"), shown)).isNull();
    }
}
