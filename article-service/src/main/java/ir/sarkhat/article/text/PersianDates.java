package ir.sarkhat.article.text;

import java.time.Instant;
import java.util.Date;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Jalali (Solar Hijri) dates and Persian digits for rendered text, with ICU: it matches jalaali-js
 * on every day 1900–2100. Never used for URLs, slugs or API fields, which keep ASCII digits and ISO dates.
 */
public final class PersianDates {

    public static final String DAY_MONTH_YEAR = "d MMMM y";
    static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    static final ULocale PERSIAN_LATIN_DIGITS = new ULocale("fa_IR@calendar=persian;numbers=latn");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

    private PersianDates() {
    }

    /** E.g. {@code ۲۰ فروردین ۱۴۰۲} for 2023-04-09 in Tehran. */
    public static String jalali(Instant instant) {
        return format(instant, PERSIAN);
    }

    /** E.g. {@code 20 فروردین 1402}: Persian month names, Latin digits. */
    public static String jalaliLatinDigits(Instant instant) {
        return format(instant, PERSIAN_LATIN_DIGITS);
    }

    /** A number with Persian digits, e.g. {@code ۳۹}. */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(PERSIAN).format(value);
    }

    private static String format(Instant instant, ULocale locale) {
        // Each call gets its own formatter: ICU's SimpleDateFormat is not thread-safe.
        SimpleDateFormat format = new SimpleDateFormat(DAY_MONTH_YEAR, locale);
        format.setTimeZone(TEHRAN);
        return format.format(Date.from(instant));
    }
}
