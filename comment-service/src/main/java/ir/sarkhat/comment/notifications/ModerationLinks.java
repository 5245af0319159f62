package ir.sarkhat.comment.notifications;

import org.springframework.stereotype.Service;

import ir.sarkhat.comment.comments.CommentModeration;
import ir.sarkhat.comment.comments.ModerationAction;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Follows the signed links from mails. {@link #preview} only reads (mail scanners fetch links to look
 * at them: a GET must never approve anything); {@link #perform} acts, and acting twice changes nothing.
 * Approve and spam go through the comment feature's own state machine ({@link CommentModeration#act}),
 * so they emit CommentApproved / CommentRejected and write the audit entry exactly as the console does.
 * A link only decides a comment that is still waiting: once anyone moved it elsewhere, it answers 409.
 */
@Service
public class ModerationLinks {

    /** Stands in for the moderator's name in events and the audit log: the link proves a moderator's mailbox, not who. */
    static final String ACTOR = "email-link";
    static final String REASON = "با پیوند ایمیل";

    private final SignedLinks links;
    private final CommentDocuments documents;
    private final CommentModeration moderation;
    private final Unsubscriptions unsubscriptions;

    ModerationLinks(SignedLinks links, CommentDocuments documents, CommentModeration moderation,
            Unsubscriptions unsubscriptions) {
        this.links = links;
        this.documents = documents;
        this.moderation = moderation;
        this.unsubscriptions = unsubscriptions;
    }

    /** What the link would do, without doing it. */
    public LinkOutcome preview(String token) {
        LinkClaim claim = links.verify(token);
        CommentSnapshot comment = require(claim);
        return new LinkOutcome(claim.action(), comment, isDone(claim.action(), comment));
    }

    /** Does what the link says. */
    public LinkOutcome perform(String token) {
        LinkClaim claim = links.verify(token);
        CommentSnapshot comment = require(claim);
        if (isDone(claim.action(), comment)) {
            return new LinkOutcome(claim.action(), comment, true);
        }
        switch (claim.action()) {
            case APPROVE -> moderation.act(comment.id(), ModerationAction.APPROVE, ACTOR, REASON);
            case SPAM -> moderation.act(comment.id(), ModerationAction.SPAM, ACTOR, REASON);
            case UNSUBSCRIBE -> unsubscriptions.unsubscribe(comment.authorEmail());
        }
        // Re-read: if the console moved it first, require() answers 409 with its new status.
        return new LinkOutcome(claim.action(), require(claim), false);
    }

    private CommentSnapshot require(LinkClaim claim) {
        CommentSnapshot comment = documents.comment(claim.commentId())
                .orElseThrow(() -> ApiProblem.notFound("The comment this link is about no longer exists."));
        boolean moderating = claim.action() != LinkAction.UNSUBSCRIBE;
        if (moderating && !isDone(claim.action(), comment) && !"PENDING".equals(comment.status())) {
            throw ApiProblem.conflict("This comment was already moderated: it is " + comment.status()
                    + " now. Use the moderation console to change it.");
        }
        return comment;
    }

    private boolean isDone(LinkAction action, CommentSnapshot comment) {
        return switch (action) {
            case APPROVE -> "APPROVED".equals(comment.status());
            case SPAM -> "SPAM".equals(comment.status());
            case UNSUBSCRIBE -> unsubscriptions.isUnsubscribed(comment.authorEmail());
        };
    }
}
