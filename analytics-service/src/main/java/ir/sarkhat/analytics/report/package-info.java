/** The dashboard's reports: rankings, time series, breakdowns and Plausible-style queries over rollups, sketches and raw views. */
package ir.sarkhat.analytics.report;
