/** Kafka defaults every service shares: safe producers, consumers that start from the beginning, back-off and dead letters. */
package ir.sarkhat.kit.kafka;
