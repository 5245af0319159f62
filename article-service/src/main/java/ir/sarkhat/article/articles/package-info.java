/** The article aggregate, where it is stored, and the editors' and readers' use cases on it. */
package ir.sarkhat.article.articles;
