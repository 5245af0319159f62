/** View and comment totals per article, kept apart from the article document so they never race editors' saves. */
package ir.sarkhat.article.stats;
