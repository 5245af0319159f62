package ir.sarkhat.comment.notifications;

/** What a signed link in a mail does when it is confirmed. */
public enum LinkAction {
    /** A moderator publishes a held comment. */
    APPROVE,
    /** A moderator marks a held comment as spam. */
    SPAM,
    /** A commenter stops all notification mails to their address. */
    UNSUBSCRIBE
}
