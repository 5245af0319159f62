/** Kafka listeners: thin adapters that read consumed events (tolerant readers) and call a feature. */
package ir.sarkhat.comment.messaging;
