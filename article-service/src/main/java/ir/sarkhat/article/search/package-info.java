/** Full-text search: Persian analysis with Lucene, terms kept in MongoDB ({@code search_index}), BM25 ranking. */
package ir.sarkhat.article.search;
