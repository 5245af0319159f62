/** The article service: editors write and publish articles, readers read them as JSON or Persian pages. */
package ir.sarkhat.article;
