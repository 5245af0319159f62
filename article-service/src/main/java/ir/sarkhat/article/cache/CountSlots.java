package ir.sarkhat.article.cache;

import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.article.text.PersianDates;

/**
 * Where an article's view and comment counts stand in a cached answer (byte offsets of the two numbers), so newer
 * counts can be written into the stored bytes instead of rendering the page again: every page view through the
 * gateway changes the count, and a re-render per view would make the cache useless for the most read article.
 */
record CountSlots(Format format, int viewsStart, int viewsEnd, int commentsStart, int commentsEnd) {

    /** How each kind of answer writes the counts: the text around each number, and the digits. */
    enum Format {
        /**
         * The article page's header line (article.html): «۱٬۲۳۴ بازدید», «۵ دیدگاه». Its markup is part of the
         * pattern: the comments section below shows the replica's own «N دیدگاه», often the same text.
         */
        PAGE("<span class=\"views\">", Readership.VIEWS_LABEL + "<", "<a class=\"comment-count\" href=\"#comments\">",
                Readership.COMMENTS_LABEL + "<", PersianDates::number),
        /** The article JSON: {@code "viewCount":1234,"commentCount":5,}. */
        JSON("\"viewCount\":", ",", "\"commentCount\":", ",", Long::toString);

        private final String viewsBefore;
        private final String viewsAfter;
        private final String commentsBefore;
        private final String commentsAfter;
        private final LongFunction<String> digits;

        Format(String viewsBefore, String viewsAfter, String commentsBefore, String commentsAfter,
                LongFunction<String> digits) {
            this.viewsBefore = viewsBefore;
            this.viewsAfter = viewsAfter;
            this.commentsBefore = commentsBefore;
            this.commentsAfter = commentsAfter;
            this.digits = digits;
        }

        byte[] number(long value) {
            return digits.apply(value).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The slots of the counts this body was rendered with, or null when either number does not stand exactly once in
     * its place (a changed template, say): such an answer is evicted on new counts instead, as before.
     */
    static CountSlots find(Format format, byte[] body, Readership shown) {
        int views = onlyOccurrence(body, format.viewsBefore, format.number(shown.views()), format.viewsAfter);
        int comments = onlyOccurrence(body, format.commentsBefore, format.number(shown.comments()), format.commentsAfter);
        if (views < 0 || comments < 0) {
            return null;
        }
        return new CountSlots(format, views, views + format.number(shown.views()).length, comments,
                comments + format.number(shown.comments()).length);
    }

    /** The body with these counts written in, and the slots of the new numbers in it. */
    Written write(byte[] body, Readership counts) {
        byte[] views = format.number(counts.views());
        byte[] comments = format.number(counts.comments());
        boolean viewsFirst = viewsStart < commentsStart;
        int firstStart = viewsFirst ? viewsStart : commentsStart;
        int firstEnd = viewsFirst ? viewsEnd : commentsEnd;
        int secondStart = viewsFirst ? commentsStart : viewsStart;
        int secondEnd = viewsFirst ? commentsEnd : viewsEnd;
        byte[] first = viewsFirst ? views : comments;
        byte[] second = viewsFirst ? comments : views;

        byte[] out = new byte[body.length - (firstEnd - firstStart) - (secondEnd - secondStart) + first.length
                + second.length];
        int at = copy(body, 0, firstStart, out, 0);
        int newFirstStart = at;
        at = copy(first, 0, first.length, out, at);
        at = copy(body, firstEnd, secondStart, out, at);
        int newSecondStart = at;
        at = copy(second, 0, second.length, out, at);
        copy(body, secondEnd, body.length, out, at);

        int newViewsStart = viewsFirst ? newFirstStart : newSecondStart;
        int newCommentsStart = viewsFirst ? newSecondStart : newFirstStart;
        return new Written(out, new CountSlots(format, newViewsStart, newViewsStart + views.length, newCommentsStart,
                newCommentsStart + comments.length));
    }

    record Written(byte[] body, CountSlots slots) {
    }

    private static int copy(byte[] from, int start, int end, byte[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    /** Where the number starts, if {@code before + number + after} occurs exactly once in the body; else -1. */
    private static int onlyOccurrence(byte[] body, String before, byte[] number, String after) {
        byte[] prefix = before.getBytes(StandardCharsets.UTF_8);
        byte[] suffix = after.getBytes(StandardCharsets.UTF_8);
        byte[] needle = new byte[prefix.length + number.length + suffix.length];
        System.arraycopy(prefix, 0, needle, 0, prefix.length);
        System.arraycopy(number, 0, needle, prefix.length, number.length);
        System.arraycopy(suffix, 0, needle, prefix.length + number.length, suffix.length);
        int found = indexOf(body, needle, 0);
        if (found < 0 || indexOf(body, needle, found + 1) >= 0) {
            return -1;
        }
        return found + prefix.length;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
