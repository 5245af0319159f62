package ir.sarkhat.comment.notifications;

import java.time.Instant;

/** The verified content of a signed link: which comment, what to do, until when. */
public record LinkClaim(String commentId, LinkAction action, Instant expiresAt) {
}
