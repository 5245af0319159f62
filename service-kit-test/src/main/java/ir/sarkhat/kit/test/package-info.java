/** Test fixtures for the services: in-memory MongoDB-protocol server, staff tokens, Kafka probe, event contracts. */
package ir.sarkhat.kit.test;
