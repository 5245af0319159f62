package ir.sarkhat.comment.notifications;

import java.io.UnsupportedEncodingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Turns a {@link MailContent} into a MIME message (multipart/alternative: plain text and RTL HTML,
 * UTF-8) and hands it to the {@link JavaMailSender} Boot configures from {@code spring.mail.*}. Without
 * {@code spring.mail.host} there is no such sender and mails are logged instead ({@link LoggingMailSender}),
 * as in the local stack. A failing SMTP server throws, so the listener's back-off retries the event.
 */
@Component
class Mailer {

    private final JavaMailSender sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> smtp,
            @Value("${sarkhat.comments.notify.from:no-reply@sarkhat.local}") String from) {
        this.sender = smtp.getIfAvailable(LoggingMailSender::new);
        this.from = from;
    }

    void send(MailContent mail) throws MailException {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from, "سرخط");
            helper.setTo(mail.to().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.unsubscribeUrl() != null) {
                // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to this URL.
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Could not build the mail '" + mail.subject() + "'", e);
        }
        sender.send(message);
    }
}
