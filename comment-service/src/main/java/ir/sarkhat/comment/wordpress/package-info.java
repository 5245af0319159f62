/** The WordPress import's way in: an ADMIN endpoint taking one article's comments as a batch. */
package ir.sarkhat.comment.wordpress;
