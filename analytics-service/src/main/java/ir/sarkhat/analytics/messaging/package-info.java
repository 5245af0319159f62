/** Kafka listeners: thin adapters that read our own tolerant view of each event and call the features. */
package ir.sarkhat.analytics.messaging;
