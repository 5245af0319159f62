/** A real Kafka broker (KRaft, combined broker + controller) running inside this JVM; restartable on the same ports and log dir. */
package ir.sarkhat.localstack.kafka;
