/** Keeps the search index in step with the service's own article events (consumer group {@code article-service-search}). */
package ir.sarkhat.article.search.messaging;
