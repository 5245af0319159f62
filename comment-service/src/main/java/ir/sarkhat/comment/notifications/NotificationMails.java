package ir.sarkhat.comment.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import ir.sarkhat.comment.notifications.CommentDocuments.ArticleRef;

/**
 * Writes the mails: Persian, right-to-left HTML plus the same text as plain text, Jalali dates with
 * Persian digits, absolute links built from {@code sarkhat.site.base-url}. Everything a commenter typed
 * is escaped.
 */
@Component
class NotificationMails {

    private static final int EXCERPT = 1_500;

    private final String baseUrl;
    private final SignedLinks links;

    NotificationMails(@Value("${sarkhat.site.base-url:http://localhost:8080}") String baseUrl, SignedLinks links) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.links = links;
    }

    /** «دیدگاه شما منتشر شد», to the comment's author. */
    MailContent approval(CommentSnapshot comment, ArticleRef article) {
        String subject = "دیدگاه شما منتشر شد";
        String articleTitle = title(article);
        String link = commentUrl(article, comment);
        String unsubscribe = unsubscribeUrl(comment);
        String text = """
                %s عزیز،

                دیدگاهی که در %s برای «%s» نوشتید تأیید و منتشر شد:

                %s

                دیدن آن در سایت:
                %s

                دیگر ایمیلی از دیدگاه‌ها نمی‌خواهید؟ %s
                """.formatted(comment.authorName(), PersianDates.format(comment.createdAt()), articleTitle,
                excerpt(comment.body()), link, unsubscribe);
        String html = Html.document(subject, """
                <p>%s عزیز،</p>
                <p>دیدگاهی که در %s برای «%s» نوشتید تأیید و منتشر شد:</p>
                <blockquote style="border-right:3px solid #ccc;margin:0;padding:0 1em">%s</blockquote>
                <p><a href="%s">دیدن دیدگاه در سایت</a></p>
                %s
                """.formatted(Html.escape(comment.authorName()), PersianDates.format(comment.createdAt()),
                Html.escape(articleTitle), Html.paragraph(excerpt(comment.body())), Html.escape(link),
                unsubscribeFooter(unsubscribe)));
        return new MailContent(List.of(comment.authorEmail()), subject, text, html, unsubscribe);
    }

    /** To the author of {@code parent}: {@code reply} answers them. */
    MailContent reply(CommentSnapshot parent, CommentSnapshot reply, ArticleRef article) {
        String subject = "پاسخ تازه به دیدگاه شما";
        String articleTitle = title(article);
        String link = commentUrl(article, reply);
        String unsubscribe = unsubscribeUrl(parent);
        String text = """
                %s عزیز،

                %s در %s به دیدگاه شما دربارهٔ «%s» پاسخ داد:

                %s

                خواندن و پاسخ دادن:
                %s

                دیگر ایمیلی از دیدگاه‌ها نمی‌خواهید؟ %s
                """.formatted(parent.authorName(), reply.authorName(), PersianDates.format(reply.createdAt()),
                articleTitle, excerpt(reply.body()), link, unsubscribe);
        String html = Html.document(subject, """
                <p>%s عزیز،</p>
                <p><strong>%s</strong> در %s به دیدگاه شما دربارهٔ «%s» پاسخ داد:</p>
                <blockquote style="border-right:3px solid #ccc;margin:0;padding:0 1em">%s</blockquote>
                <p><a href="%s">خواندن و پاسخ دادن</a></p>
                %s
                """.formatted(Html.escape(parent.authorName()), Html.escape(reply.authorName()),
                PersianDates.format(reply.createdAt()), Html.escape(articleTitle),
                Html.paragraph(excerpt(reply.body())), Html.escape(link), unsubscribeFooter(unsubscribe)));
        return new MailContent(List.of(parent.authorEmail()), subject, text, html, unsubscribe);
    }

    /** To the moderators: a held comment, why it was held, and one-click approve / spam links. */
    MailContent held(List<String> moderators, CommentSnapshot comment, ArticleRef article) {
        String articleTitle = title(article);
        String subject = "دیدگاه در انتظار بررسی: " + articleTitle;
        String reason = comment.heldReason() == null ? "دلیلی ثبت نشده است" : comment.heldReason();
        String approve = actionUrl(comment, LinkAction.APPROVE);
        String spam = actionUrl(comment, LinkAction.SPAM);
        String text = """
                دیدگاهی تازه برای «%s» در انتظار بررسی است.

                نویسنده: %s <%s>
                زمان: %s
                دلیل نگه‌داشتن: %s

                %s

                تأیید و انتشار: %s
                هرزنامه: %s

                هر پیوند پیش از انجام کار یک صفحهٔ تأیید نشان می‌دهد و تا ۷ روز معتبر است.
                """.formatted(articleTitle, comment.authorName(), comment.authorEmail(),
                PersianDates.format(comment.createdAt()), reason, excerpt(comment.body()), approve, spam);
        String html = Html.document(subject, """
                <p>دیدگاهی تازه برای «%s» در انتظار بررسی است.</p>
                <p>نویسنده: <strong>%s</strong> (%s)<br>زمان: %s<br>دلیل نگه‌داشتن: <strong>%s</strong></p>
                <blockquote style="border-right:3px solid #ccc;margin:0;padding:0 1em">%s</blockquote>
                <p><a href="%s">تأیید و انتشار</a> · <a href="%s">هرزنامه</a></p>
                <p style="font-size:small;color:#666">هر پیوند پیش از انجام کار یک صفحهٔ تأیید نشان می‌دهد و تا ۷ روز معتبر است.</p>
                """.formatted(Html.escape(articleTitle), Html.escape(comment.authorName()),
                Html.escape(comment.authorEmail()), PersianDates.format(comment.createdAt()), Html.escape(reason),
                Html.paragraph(excerpt(comment.body())), Html.escape(approve), Html.escape(spam)));
        return new MailContent(moderators, subject, text, html, null);
    }

    String linkUrl(String token) {
        return baseUrl + "/api/moderation/links/" + token;
    }

    private String actionUrl(CommentSnapshot comment, LinkAction action) {
        return linkUrl(links.issue(comment.id(), action));
    }

    private String unsubscribeUrl(CommentSnapshot recipientsComment) {
        return linkUrl(links.issue(recipientsComment.id(), LinkAction.UNSUBSCRIBE));
    }

    private String commentUrl(ArticleRef article, CommentSnapshot comment) {
        if (article == null || article.slug() == null) {
            return baseUrl + "/";
        }
        return baseUrl + "/articles/" + UriUtils.encodePathSegment(article.slug(), StandardCharsets.UTF_8)
                + "#comment-" + comment.id();
    }

    private static String title(ArticleRef article) {
        return article == null || article.title() == null ? "یک خبر" : article.title();
    }

    private static String unsubscribeFooter(String unsubscribe) {
        return """
                <hr><p style="font-size:small;color:#666">این ایمیل را چون هنگام نوشتن دیدگاه خواسته بودید می‌فرستیم.
                <a href="%s">لغو همهٔ ایمیل‌های دیدگاه</a></p>""".formatted(Html.escape(unsubscribe));
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "…";
    }
}
