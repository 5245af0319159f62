/** RSS 2.0, Atom and sitemaps at WordPress's paths, written with a real XML writer, absolute URLs only. */
package ir.sarkhat.article.feeds;
