/** The local replica of published articles, fed by article-events: which articles take comments. */
package ir.sarkhat.comment.articles;
