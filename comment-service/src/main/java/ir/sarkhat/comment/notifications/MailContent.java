package ir.sarkhat.comment.notifications;

import java.util.List;

/**
 * One mail, ready to send: an RTL HTML part and a plain-text part with the same content.
 *
 * @param unsubscribeUrl the one-click unsubscribe link (RFC 8058 headers), null for staff mail
 */
record MailContent(List<String> to, String subject, String text, String html, String unsubscribeUrl) {
}
