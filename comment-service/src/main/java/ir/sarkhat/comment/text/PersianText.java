package ir.sarkhat.comment.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalization of what readers type, applied once at input so stored text, searches and
 * comparisons agree: NFC, Arabic yeh/kaf (ي ك, common on Arabic keyboard layouts) to the Persian
 * letters (ی ک), stray control characters removed. ZWNJ (U+200C, نیم‌فاصله) is part of Persian
 * spelling and is kept.
 */
public final class PersianText {

    private static final Pattern CONTROL_EXCEPT_LINE_BREAKS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}+");

    private PersianText() {
    }

    /** Multi-line text (a comment body): normalized, control characters other than tab and line breaks removed, outer whitespace stripped. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return CONTROL_EXCEPT_LINE_BREAKS.matcher(letters(text)).replaceAll("").strip();
    }

    /** Single-line text (a name): like {@link #normalize} but line breaks and tabs become one space. */
    public static String normalizeLine(String text) {
        if (text == null) {
            return null;
        }
        return CONTROL.matcher(letters(text)).replaceAll(" ").strip();
    }

    private static String letters(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u064A', '\u06CC')
                .replace('\u0643', '\u06A9');
    }

    /** The number in Persian digits (U+06F0–U+06F9), for text people read. */
    public static String digits(long number) {
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(number).toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('\u06F0' + (c - '0')) : c);
        }
        return out.toString();
    }
}
