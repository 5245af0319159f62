package ir.sarkhat.article.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalization applied once at input so stored text, slugs and comparisons agree: NFC, Arabic
 * yeh/kaf (ي ك, from Arabic keyboard layouts) to the Persian letters (ی ک). ZWNJ (U+200C,
 * نیم‌فاصله) is part of Persian spelling and is kept.
 */
public final class PersianText {

    private static final Pattern CONTROL_EXCEPT_LINE_BREAKS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    private static final Pattern LINE_BREAKS_AND_CONTROL = Pattern.compile("\\p{Cc}+");

    private PersianText() {
    }

    /** NFC and Persian letters only; nothing else changes. */
    public static String letters(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u064A', '\u06CC')
                .replace('\u0643', '\u06A9');
    }

    /** Multi-line text (an article body): {@link #letters}, stray control characters removed. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return CONTROL_EXCEPT_LINE_BREAKS.matcher(letters(text)).replaceAll("");
    }

    /** Single-line text (a title, a tag): like {@link #normalize}, line breaks become a space, outer spaces stripped. */
    public static String normalizeLine(String text) {
        if (text == null) {
            return null;
        }
        return LINE_BREAKS_AND_CONTROL.matcher(letters(text)).replaceAll(" ").strip();
    }
}
