package ir.sarkhat.comment.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.notifications.CommentDocuments.ArticleRef;

/**
 * Decides who is told what about a comment event, and tells them once per event.
 * <ul>
 * <li>Submitted and held (PENDING): the moderators, with signed approve/spam links. Never the commenter:
 * nothing is mailed to a reader's address before a moderator or the policy let the comment through, so
 * the form cannot be used to send mail to strangers.</li>
 * <li>Approved: its author, if they asked for it; the author of the comment it answers, if they asked for
 * replies and are someone else.</li>
 * </ul>
 * Addresses that unsubscribed get nothing.
 */
@Service
public class CommentNotifications {

    private static final Logger log = LoggerFactory.getLogger(CommentNotifications.class);

    private final CommentDocuments documents;
    private final NotificationMails mails;
    private final Mailer mailer;
    private final SentNotifications sent;
    private final Unsubscriptions unsubscriptions;
    private final List<String> moderators;

    CommentNotifications(CommentDocuments documents, NotificationMails mails, Mailer mailer, SentNotifications sent,
            Unsubscriptions unsubscriptions, @Value("${sarkhat.comments.notify.moderators:}") String moderators) {
        this.documents = documents;
        this.mails = mails;
        this.mailer = mailer;
        this.sent = sent;
        this.unsubscriptions = unsubscriptions;
        this.moderators = Arrays.stream(moderators.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A comment was submitted. Held ones are announced to the moderators. */
    public void submitted(String eventId, String commentId, String status) {
        if ("PENDING".equals(status)) {
            announceHeld(eventId, commentId);
        } else if ("APPROVED".equals(status)) {
            // Published at once by the policy: its author saw that already; the parent's author may not have.
            documents.comment(commentId).ifPresent(reply -> notifyParentAuthor(eventId, reply));
        }
    }

    /** A comment became public. */
    public void approved(String eventId, String commentId) {
        Optional<CommentSnapshot> found = documents.comment(commentId);
        if (found.isEmpty()) {
            log.info("No mail for approved comment {}: it is gone", commentId);
            return;
        }
        CommentSnapshot comment = found.get();
        if (comment.status() != null && !"APPROVED".equals(comment.status())) {
            log.debug("No mail for comment {}: it is {} by now", commentId, comment.status());
            return;
        }
        if (comment.notifyApproval() && mayMail(comment.authorEmail())
                && !sent.alreadySent(eventId, MailKind.APPROVAL, comment.id())) {
            mailer.send(mails.approval(comment, article(comment)));
            sent.recordSent(eventId, MailKind.APPROVAL, comment.id());
        }
        notifyParentAuthor(eventId, comment);
    }

    private void notifyParentAuthor(String eventId, CommentSnapshot reply) {
        if (reply.parentId() == null) {
            return;
        }
        Optional<CommentSnapshot> parent = documents.comment(reply.parentId());
        if (parent.isEmpty() || !parent.get().notifyReplies() || !mayMail(parent.get().authorEmail())
                || sameAddress(parent.get().authorEmail(), reply.authorEmail())
                || sent.alreadySent(eventId, MailKind.REPLY, reply.id())) {
            return;
        }
        mailer.send(mails.reply(parent.get(), reply, article(reply)));
        sent.recordSent(eventId, MailKind.REPLY, reply.id());
    }

    private void announceHeld(String eventId, String commentId) {
        if (moderators.isEmpty()) {
            return;
        }
        Optional<CommentSnapshot> comment = documents.comment(commentId);
        if (comment.isEmpty() || !"PENDING".equals(comment.get().status())
                || sent.alreadySent(eventId, MailKind.MODERATORS, commentId)) {
            return; // already decided, or gone: nothing left to ask the moderators
        }
        mailer.send(mails.held(moderators, comment.get(), article(comment.get())));
        sent.recordSent(eventId, MailKind.MODERATORS, commentId);
    }

    private boolean mayMail(String email) {
        return email != null && !email.isBlank() && !unsubscriptions.isUnsubscribed(email);
    }

    private static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private ArticleRef article(CommentSnapshot comment) {
        return documents.article(comment.articleId()).orElse(null);
    }
}
