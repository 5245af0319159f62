package ir.sarkhat.comment.comments;

import java.util.Locale;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The moderators' state machine. PENDING → APPROVED | SPAM | TRASH; APPROVED → PENDING (unapprove) |
 * SPAM | TRASH; SPAM → PENDING (restore, WordPress's "not spam") | TRASH; TRASH → (restore) the
 * status it had before. Asking for the state a comment is already in changes nothing.
 */
public enum ModerationAction {
    APPROVE, UNAPPROVE, SPAM, TRASH, RESTORE;

    public static ModerationAction parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest("action: must be one of approve, unapprove, spam, trash, restore.");
        }
    }

    /** The status this action leads to from the comment's; its own status when there is nothing to do. */
    CommentStatus target(Comment comment) {
        CommentStatus from = comment.status();
        return switch (this) {
            case APPROVE -> from == CommentStatus.PENDING || from == CommentStatus.APPROVED ? CommentStatus.APPROVED
                    : illegal(from);
            case UNAPPROVE -> from == CommentStatus.APPROVED || from == CommentStatus.PENDING ? CommentStatus.PENDING
                    : illegal(from);
            case SPAM -> from == CommentStatus.TRASH ? illegal(from) : CommentStatus.SPAM;
            case TRASH -> CommentStatus.TRASH;
            case RESTORE -> switch (from) {
                case SPAM -> CommentStatus.PENDING;
                case TRASH -> comment.statusBeforeTrash() == null ? CommentStatus.PENDING : comment.statusBeforeTrash();
                default -> from;
            };
        };
    }

    private CommentStatus illegal(CommentStatus from) {
        throw ApiProblem.conflict("'" + verb() + "' is not allowed on a " + from + " comment"
                + (from == CommentStatus.TRASH || from == CommentStatus.SPAM ? "; restore it first." : "."));
    }

    String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
