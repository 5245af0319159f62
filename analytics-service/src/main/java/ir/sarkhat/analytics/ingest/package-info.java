/** Applies a batch of page views to the raw log, the rollups and the visitor sketches, idempotently. */
package ir.sarkhat.analytics.ingest;
