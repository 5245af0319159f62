/** The comment aggregate, its submission, moderation and public reading, and the events it emits. */
package ir.sarkhat.comment.comments;
