/** HTTP API of the readership totals: per-article stats and most viewed. */
package ir.sarkhat.analytics.stats.web;
