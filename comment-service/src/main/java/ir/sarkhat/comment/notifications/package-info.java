/** Emails about comments: commenters told of approval and replies (opt-in), moderators told of held comments, signed one-click links. */
package ir.sarkhat.comment.notifications;
