package ir.sarkhat.article.text;

import java.util.regex.Pattern;

/**
 * Reading time in whole minutes: whitespace-separated words (a ZWNJ joins, it does not separate)
 * at a configurable pace, plus 12 s for the first image, one second less for each next one, never
 * under 3 s. Rounded up, at least one minute. Ghost counts a Persian text with one Latin word in it
 * as two words; counting whitespace-separated tokens treats every script alike.
 */
public final class ReadingTime {

    public static final int DEFAULT_WORDS_PER_MINUTE = 200;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private final int wordsPerMinute;

    public ReadingTime(int wordsPerMinute) {
        if (wordsPerMinute < 1) {
            throw new IllegalArgumentException("words per minute must be positive: " + wordsPerMinute);
        }
        this.wordsPerMinute = wordsPerMinute;
    }

    public static int words(String plainText) {
        if (plainText == null) {
            return 0;
        }
        String trimmed = WHITESPACE.matcher(plainText).replaceAll(" ").strip();
        return trimmed.isEmpty() ? 0 : trimmed.split(" ").length;
    }

    static int imageSeconds(int images) {
        int seconds = 0;
        for (int i = 0; i < images; i++) {
            seconds += Math.max(3, 12 - i);
        }
        return seconds;
    }

    public int minutes(String plainText, int images) {
        double seconds = words(plainText) * 60.0 / wordsPerMinute + imageSeconds(images);
        return Math.max(1, (int) Math.ceil(seconds / 60.0));
    }
}
