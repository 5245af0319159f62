package ir.sarkhat.comment.notifications.web;

import ir.sarkhat.comment.notifications.CommentSnapshot;
import ir.sarkhat.comment.notifications.Html;
import ir.sarkhat.comment.notifications.LinkOutcome;
import ir.sarkhat.kit.problem.ApiProblem;

/** The small RTL Persian pages behind the mail links. Everything a commenter typed is escaped. */
final class LinkPages {

    private LinkPages() {
    }

    /** GET: what will happen, and a button that makes it happen (a POST to the same address). */
    static String confirmation(LinkOutcome outcome) {
        CommentSnapshot c = outcome.comment();
        return switch (outcome.action()) {
            case APPROVE -> moderation("تأیید دیدگاه", outcome, "این دیدگاه منتشر شود؟", "تأیید و انتشار",
                    "این دیدگاه پیش‌تر منتشر شده است.");
            case SPAM -> moderation("هرزنامه", outcome, "این دیدگاه هرزنامه است؟", "بله، هرزنامه است",
                    "این دیدگاه پیش‌تر هرزنامه شناخته شده است.");
            case UNSUBSCRIBE -> Html.document("لغو ایمیل‌های دیدگاه", outcome.alreadyDone()
                    ? "<h1>لغو ایمیل‌های دیدگاه</h1><p>ایمیل‌های دیدگاه برای این نشانی پیش‌تر لغو شده است.</p>"
                    : """
                            <h1>لغو ایمیل‌های دیدگاه</h1>
                            <p>دیگر هیچ ایمیلی دربارهٔ دیدگاه‌ها (انتشار یا پاسخ) به نشانی <bdi dir="ltr">%s</bdi> فرستاده نشود؟</p>
                            <form method="post"><button type="submit">لغو همهٔ ایمیل‌ها</button></form>
                            """.formatted(Html.escape(masked(c.authorEmail()))));
        };
    }

    /** POST: what happened. */
    static String result(LinkOutcome outcome) {
        String message = switch (outcome.action()) {
            case APPROVE -> outcome.alreadyDone() ? "این دیدگاه پیش‌تر منتشر شده بود." : "دیدگاه منتشر شد.";
            case SPAM -> outcome.alreadyDone() ? "این دیدگاه پیش‌تر هرزنامه شناخته شده بود." : "دیدگاه هرزنامه شناخته شد.";
            case UNSUBSCRIBE -> "دیگر هیچ ایمیلی دربارهٔ دیدگاه‌ها برای شما نمی‌فرستیم.";
        };
        return Html.document(message, "<h1>" + Html.escape(message) + "</h1>");
    }

    static String error(ApiProblem problem) {
        String message = switch (problem.status().value()) {
            case 410 -> "این پیوند منقضی شده است. دیدگاه را در میز بررسی باز کنید.";
            case 404 -> "دیدگاهی که این پیوند به آن اشاره دارد دیگر وجود ندارد.";
            case 409 -> "این دیدگاه پیش‌تر بررسی شده است. برای تغییر آن از میز بررسی استفاده کنید.";
            default -> "این پیوند معتبر نیست. پیوند کامل را از ایمیل کپی کنید.";
        };
        return Html.document("پیوند نامعتبر", "<h1>" + Html.escape(message) + "</h1>");
    }

    private static String moderation(String title, LinkOutcome outcome, String question, String button, String done) {
        CommentSnapshot c = outcome.comment();
        String reason = c.heldReason() == null ? "" : "<p>دلیل نگه‌داشتن: <strong>" + Html.escape(c.heldReason()) + "</strong></p>";
        String action = outcome.alreadyDone() ? "<p>" + done + "</p>"
                : "<p>" + question + "</p><form method=\"post\"><button type=\"submit\">" + button + "</button></form>";
        return Html.document(title, """
                <h1>%s</h1>
                <p>نویسنده: <strong>%s</strong></p>
                %s
                <blockquote style="border-right:3px solid #ccc;margin:0;padding:0 1em">%s</blockquote>
                %s
                """.formatted(title, Html.escape(c.authorName()), reason, Html.paragraph(c.body()), action));
    }

    private static String masked(String email) {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
