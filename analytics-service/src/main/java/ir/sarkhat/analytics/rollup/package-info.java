/** Pre-aggregated view counts per minute, hour, day and all time, per article and dimension, with per-partition watermarks. */
package ir.sarkhat.analytics.rollup;
