/** Persian text helpers: normalization, slugs, reading time, Jalali dates and Persian digits, Markdown rendering. */
package ir.sarkhat.article.text;
