/** Metrics, health and trace context the services share: outbox backlog, Kafka reachability, W3C traceparent. */
package ir.sarkhat.kit.observability;
