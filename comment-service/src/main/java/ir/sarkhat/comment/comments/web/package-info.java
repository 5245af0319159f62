/** HTTP API for comments: public submission and listing, the moderation queue; request and response records. */
package ir.sarkhat.comment.comments.web;
