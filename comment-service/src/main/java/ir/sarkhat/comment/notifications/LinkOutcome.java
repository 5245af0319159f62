package ir.sarkhat.comment.notifications;

/**
 * What following a signed link did (or, for a GET, would do).
 *
 * @param comment       the comment as it is now
 * @param alreadyDone   true when nothing had to change (a second click, a comment already approved)
 */
public record LinkOutcome(LinkAction action, CommentSnapshot comment, boolean alreadyDone) {
}
