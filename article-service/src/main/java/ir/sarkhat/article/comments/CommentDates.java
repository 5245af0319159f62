package ir.sarkhat.article.comments;

import java.time.Instant;
import java.util.Date;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/** When a comment was written, as a Persian reader reads it: Jalali date and time in Tehran, Persian digits. */
final class CommentDates {

    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

    private CommentDates() {
    }

    /** E.g. {@code ۲۰ فروردین ۱۴۰۲، ۱۲:۳۰} for 2023-04-09T09:00Z. */
    static String jalali(Instant instant) {
        // A formatter per call: ICU's SimpleDateFormat is not thread-safe.
        SimpleDateFormat format = new SimpleDateFormat("d MMMM y، HH:mm", PERSIAN);
        format.setTimeZone(TEHRAN);
        return format.format(Date.from(instant));
    }
}
