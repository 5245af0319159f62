/** CloudEvents on Kafka: the envelope, the document outbox and its relay. Event types belong to their producers. */
package ir.sarkhat.kit.events;
