/** Kafka listeners: thin adapters that parse incoming events and call a feature method. */
package ir.sarkhat.article.messaging;
