/** A local replica of published articles (title, slug), kept from ArticlePublished events. */
package ir.sarkhat.analytics.article;
