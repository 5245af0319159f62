package ir.sarkhat.comment.notifications;

import java.time.Instant;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/** Dates as Persian readers read them: Jalali calendar, Tehran time, Persian digits. */
final class PersianDates {

    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

    private PersianDates() {
    }

    /** e.g. {@code ۲۰ فروردین ۱۴۰۲، ساعت ۱۳:۴۵}. */
    static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        // ICU formats are not thread-safe: one per call is cheap next to sending a mail.
        DateFormat format = new SimpleDateFormat("d MMMM y، 'ساعت' HH:mm", PERSIAN);
        format.setTimeZone(TEHRAN);
        return format.format(java.util.Date.from(instant));
    }
}
