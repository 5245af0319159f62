package ir.sarkhat.comment.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class MailPartsTest {

    @Test
    void datesAreJalaliInTehranTimeWithPersianDigits() {
        assertThat(PersianDates.format(Instant.parse("2023-04-09T09:00:00Z"))).isEqualTo("۲۰ فروردین ۱۴۰۲، ساعت ۱۲:۳۰");
    }

    @Test
    void addressesInTheLogAreMasked() {
        assertThat(LoggingMailSender.mask("maryam.reader@example.ir")).isEqualTo("m***@example.ir");
        assertThat(LoggingMailSender.mask("\"مریم\" <maryam@example.ir>")).isEqualTo("\"***@example.ir>");
        assertThat(LoggingMailSender.mask("nobody")).isEqualTo("***");
    }

    @Test
    void theHeldReasonIsReadWhateverShapeThePolicyStoresItIn() {
        assertThat(CommentDocuments.heldReason(null)).isNull();
        assertThat(CommentDocuments.heldReason("first-time")).isEqualTo("first-time");
        assertThat(CommentDocuments.heldReason(new Document("rule", "links").append("detail", "۳ پیوند")))
                .isEqualTo("۳ پیوند (links)");
        assertThat(CommentDocuments.heldReason(List.of(Map.of("rule", "hold-words"), "links")))
                .isEqualTo("hold-words؛ links");
    }

    @Test
    void whatACommenterTypedCannotBecomeMarkup() {
        assertThat(Html.paragraph("<script>alert(1)</script>\n\"x\" & 'y'"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<br>&quot;x&quot; &amp; &#39;y&#39;");
    }
}
