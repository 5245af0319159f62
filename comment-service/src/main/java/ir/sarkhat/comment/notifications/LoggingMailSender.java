package ir.sarkhat.comment.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail sender when no SMTP server is configured ({@code spring.mail.host} unset, as in the local
 * stack): logs each mail — recipients masked, subject, plain-text body with its links — instead of
 * sending it, so a developer can follow the links from the log.
 */
class LoggingMailSender implements JavaMailSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailSender.class);
    private final Session session = Session.getInstance(new Properties());

    @Override
    public MimeMessage createMimeMessage() {
        return new MimeMessage(session);
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
        try {
            return new MimeMessage(session, contentStream);
        } catch (MessagingException e) {
            throw new MailParseException(e);
        }
    }

    @Override
    public void send(MimeMessage... mimeMessages) throws MailException {
        for (MimeMessage message : mimeMessages) {
            try {
                log.info("Mail not sent (no spring.mail.host configured)\nTo: {}\nSubject: {}\n\n{}",
                        masked(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                        plainText(message));
            } catch (MessagingException | IOException e) {
                throw new MailParseException(e);
            }
        }
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) throws MailException {
        for (SimpleMailMessage message : simpleMessages) {
            log.info("Mail not sent (no spring.mail.host configured)\nTo: {}\nSubject: {}\n\n{}",
                    message.getTo() == null ? "" : Arrays.stream(message.getTo()).map(LoggingMailSender::mask)
                            .collect(Collectors.joining(", ")),
                    message.getSubject(), message.getText());
        }
    }

    private static String masked(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).map(LoggingMailSender::mask)
                .collect(Collectors.joining(", "));
    }

    /** {@code maryam@example.ir} → {@code m***@example.ir}: enough to tell mails apart, not to harvest addresses. */
    static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        // Multipart first: an unsaved message still reports the default type text/plain.
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType("text/plain") && content instanceof String text ? text : null;
    }
}
