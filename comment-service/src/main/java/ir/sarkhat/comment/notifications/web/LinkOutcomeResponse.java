package ir.sarkhat.comment.notifications.web;

import ir.sarkhat.comment.notifications.LinkAction;
import ir.sarkhat.comment.notifications.LinkOutcome;

/** JSON answer for clients that are not browsers. Never the commenter's email. */
record LinkOutcomeResponse(LinkAction action, String commentId, String status, boolean alreadyDone) {

    static LinkOutcomeResponse of(LinkOutcome outcome) {
        return new LinkOutcomeResponse(outcome.action(), outcome.comment().id(), outcome.comment().status(),
                outcome.alreadyDone());
    }
}
