/** PageViewed events: observed on article page reads through the gateway, sent to Kafka, kept in MongoDB while Kafka is down. */
package ir.sarkhat.gateway.pageview;
