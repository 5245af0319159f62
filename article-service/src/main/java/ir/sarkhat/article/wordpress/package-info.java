/** Moving a WordPress site in and out: WXR import jobs (posts, taxonomy, comments), the export, old-URL redirects. */
package ir.sarkhat.article.wordpress;
