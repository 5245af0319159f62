package ir.sarkhat.article.text;

/**
 * URL slugs that stay readable in Persian: NFC, Persian letters, Persian/Arabic digits as ASCII,
 * Latin lower-cased, every run of other characters (spaces, punctuation, ZWNJ) one {@code -}, cut
 * on a word boundary at {@value #MAX_LENGTH} characters. WordPress percent-encodes and cuts at 200
 * encoded characters, which is about 33 Persian letters and often mid-word.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;
    private static final String FALLBACK = "article";

    private Slugs() {
    }

    /** The slug for a title; never empty. */
    public static String of(String title) {
        String text = PersianText.letters(title == null ? "" : title);
        StringBuilder slug = new StringBuilder();
        boolean pendingDash = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue; // harakat and tashdid belong to the letter before them; dropping keeps the word whole
            }
            if (Character.isDigit(cp)) {
                cp = '0' + Character.digit(cp, 10);
            }
            if (Character.isLetterOrDigit(cp)) {
                if (pendingDash && !slug.isEmpty()) {
                    slug.append('-');
                }
                pendingDash = false;
                slug.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingDash = true;
            }
        }
        String cut = cut(slug.toString(), MAX_LENGTH);
        return cut.isEmpty() ? FALLBACK : cut;
    }

    /** The n-th candidate for a slug that is taken: {@code base-2}, {@code base-3}…, still within the length limit. */
    public static String numbered(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return cut(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** Cuts at a dash so no word is split, unless the first word alone is longer than the limit. */
    static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        if (slug.charAt(max) == '-') {
            return slug.substring(0, max);
        }
        int lastDash = slug.lastIndexOf('-', max);
        String cut = lastDash > 0 ? slug.substring(0, lastDash) : slug.substring(0, max);
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
