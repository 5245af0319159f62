package ir.sarkhat.comment.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersianTextTest {

    @Test
    void arabicYehAndKafBecomePersian() {
        assertThat(PersianText.normalize("كتاب يك")).isEqualTo("کتاب یک");
    }

    @Test
    void zeroWidthNonJoinerIsKept() {
        assertThat(PersianText.normalize("می\u200cخواهم")).isEqualTo("می\u200cخواهم");
    }

    @Test
    void decomposedTextIsComposed() {
        // alef + combining madda above -> آ ; yeh + hamza above -> ئ (not turned into ی + hamza)
        assertThat(PersianText.normalize("\u0627\u0653ب")).isEqualTo("\u0622ب");
        assertThat(PersianText.normalize("\u064A\u0654")).isEqualTo("\u0626");
    }

    @Test
    void bodyKeepsItsLineBreaksButLosesOtherControlCharactersAndOuterSpace() {
        assertThat(PersianText.normalize("  سلام\u0000\nخوبی؟\r\n\tبله  ")).isEqualTo("سلام\nخوبی؟\r\n\tبله");
    }

    @Test
    void nameIsOneLine() {
        assertThat(PersianText.normalizeLine("  علی\nرضایي ")).isEqualTo("علی رضایی");
    }

    @Test
    void nullStaysNull() {
        assertThat(PersianText.normalize(null)).isNull();
        assertThat(PersianText.normalizeLine(null)).isNull();
    }
}
