/** A local replica of the approved public comments, fed by comment events, rendered on the article page without JavaScript. */
package ir.sarkhat.article.comments;
