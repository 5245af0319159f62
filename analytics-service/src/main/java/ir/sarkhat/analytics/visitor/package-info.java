/** Unique visitors as UltraLogLog sketches per day, hour and all time, merged at query time. */
package ir.sarkhat.analytics.visitor;
