package ir.sarkhat.article.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PersianDatesTest {

    private static final Instant NOON_9_APRIL_2023 = Instant.parse("2023-04-09T08:30:00Z");

    @Test
    void jalaliWithLatinDigits() {
        assertThat(PersianDates.jalaliLatinDigits(NOON_9_APRIL_2023)).isEqualTo("20 فروردین 1402");
    }

    @Test
    void jalaliWithPersianDigits() {
        assertThat(PersianDates.jalali(NOON_9_APRIL_2023)).isEqualTo("۲۰ فروردین ۱۴۰۲");
    }

    @Test
    void theDayIsTheDayInTehran() {
        // 21:00 UTC is already 00:30 (or 01:30) of the next day in Tehran.
        assertThat(PersianDates.jalaliLatinDigits(Instant.parse("2023-04-09T21:00:00Z"))).isEqualTo("21 فروردین 1402");
        assertThat(PersianDates.jalaliLatinDigits(Instant.parse("2023-03-21T12:00:00Z"))).isEqualTo("1 فروردین 1402");
        assertThat(PersianDates.jalaliLatinDigits(Instant.parse("2023-03-18T12:00:00Z"))).isEqualTo("27 اسفند 1401");
    }

    @Test
    void numbersUsePersianDigits() {
        assertThat(PersianDates.number(39)).isEqualTo("۳۹");
        assertThat(PersianDates.number(2)).isEqualTo("۲");
        assertThat(PersianDates.number(0)).isEqualTo("۰");
    }
}
