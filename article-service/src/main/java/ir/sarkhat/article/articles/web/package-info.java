/** The JSON API over articles: requests, responses and the controllers that map them to use cases. */
package ir.sarkhat.article.articles.web;
