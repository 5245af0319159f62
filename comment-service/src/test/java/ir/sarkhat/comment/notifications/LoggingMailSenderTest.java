package ir.sarkhat.comment.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

@ExtendWith(OutputCaptureExtension.class)
class LoggingMailSenderTest {

    @Test
    void withoutAnSmtpServerMailsAreLoggedWithTheAddressMasked(CapturedOutput output) {
        Mailer mailer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                "no-reply@sarkhat.local");
        mailer.send(new MailContent(List.of("maryam.reader@example.ir"), "دیدگاه شما منتشر شد",
                "دیدن آن در سایت: http://localhost:8080/articles/x", "<p dir=\"rtl\">html</p>", "http://localhost:8080/u"));
        assertThat(output).contains("To: m***@example.ir").contains("Subject: دیدگاه شما منتشر شد")
                .contains("دیدن آن در سایت: http://localhost:8080/articles/x").doesNotContain("maryam.reader@");
    }
}
