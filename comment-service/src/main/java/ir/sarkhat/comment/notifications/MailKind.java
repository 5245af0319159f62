package ir.sarkhat.comment.notifications;

/** The mails this service sends, one kind per recipient role. */
enum MailKind {
    /** To the commenter: your comment is public. */
    APPROVAL(true),
    /** To the author of the parent comment: someone answered you. */
    REPLY(true),
    /** To the moderators: a comment is waiting, with approve/spam links. */
    MODERATORS(false);

    private final boolean oncePerComment;

    MailKind(boolean oncePerComment) {
        this.oncePerComment = oncePerComment;
    }

    /** Commenters hear about one comment once, however often it is approved again. */
    boolean oncePerComment() {
        return oncePerComment;
    }
}
