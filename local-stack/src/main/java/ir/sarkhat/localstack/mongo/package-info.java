/** A MongoDB-protocol server (mongo-java-server) inside this JVM, keeping its data in one H2 MVStore file. */
package ir.sarkhat.localstack.mongo;
