package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ir.sarkhat.comment.bans.Ban;
import ir.sarkhat.comment.bans.Bans;
import ir.sarkhat.comment.comments.CommentsProperties.Mode;
import ir.sarkhat.comment.comments.CommentsProperties.Moderation;
import ir.sarkhat.comment.text.PersianText;

/**
 * Decides what a new comment becomes, WordPress's way: spam rules first (honeypot, ban, block
 * words), then hold rules (hold words, links, the mode). Every rule that fires is recorded with a
 * Persian reason for the moderation queue.
 */
@Component
class ModerationPolicy {

    private static final Pattern LINK = Pattern.compile("(https?://|www\\.)", Pattern.CASE_INSENSITIVE);

    private final Moderation settings;
    private final Bans bans;
    private final MongoTemplate mongo;

    ModerationPolicy(CommentsProperties properties, Bans bans, MongoTemplate mongo) {
        this.settings = properties.moderation();
        this.bans = bans;
        this.mongo = mongo;
    }

    record Decision(CommentStatus status, List<Hold> holds) {
    }

    Decision decide(CommentDraft draft) {
        List<Hold> spam = new ArrayList<>();
        if (draft.honeypot() != null && !draft.honeypot().isBlank()) {
            spam.add(new Hold("honeypot", "فیلد پنهان فرم (تلهٔ ربات‌ها) پر شده بود."));
        }
        Optional<Ban> ban = bans.banOf(draft.authorEmail(), draft.clientIp());
        ban.ifPresent(b -> spam.add(new Hold("ban", (b.email() != null && b.email().equals(draft.authorEmail())
                ? "نشانی ایمیل فرستنده مسدود است" : "نشانی IP فرستنده مسدود است")
                + (b.reason() == null ? "." : " (دلیل: " + b.reason() + ")."))));
        firstWord(settings.blockWords(), draft).ifPresent(w -> spam.add(
                new Hold("block-word", "واژهٔ ممنوع «" + w + "» را دارد.")));
        if (!spam.isEmpty()) {
            return new Decision(CommentStatus.SPAM, spam);
        }

        List<Hold> held = new ArrayList<>();
        firstWord(settings.holdWords(), draft).ifPresent(w -> held.add(
                new Hold("hold-word", "واژهٔ «" + w + "» از فهرست واژه‌های نیازمند بررسی را دارد.")));
        long links = LINK.matcher(draft.body()).results().count();
        if (settings.holdLinks() > 0 && links >= settings.holdLinks()) {
            held.add(new Hold("links", PersianText.digits(links) + " پیوند دارد (حد نگه‌داشتن: "
                    + PersianText.digits(settings.holdLinks()) + " پیوند)."));
        }
        if (settings.mode() == Mode.ALL) {
            held.add(new Hold("mode-all", "همهٔ دیدگاه‌ها پیش از انتشار بررسی می‌شوند."));
        } else if (settings.mode() == Mode.FIRST_TIME && !knownCommenter(draft)) {
            held.add(new Hold("first-time", "نخستین دیدگاه این نام و ایمیل است."));
        }
        return held.isEmpty() ? new Decision(CommentStatus.APPROVED, List.of())
                : new Decision(CommentStatus.PENDING, held);
    }

    /** WordPress's comment_whitelist: the same name and email already have an approved comment. */
    private boolean knownCommenter(CommentDraft draft) {
        return mongo.exists(query(where("authorEmail").is(draft.authorEmail()).and("authorName")
                .is(draft.authorName()).and("status").is(CommentStatus.APPROVED)), Comment.class);
    }

    /** Like WordPress, a word matches anywhere in the body, name, email, website or IP. */
    private static Optional<String> firstWord(List<String> words, CommentDraft draft) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String haystack = String.join("\n", draft.body(), draft.authorName(), nonNull(draft.authorEmail()),
                nonNull(draft.authorUrl()), nonNull(draft.clientIp())).toLowerCase(Locale.ROOT);
        return words.stream().filter(haystack::contains).findFirst();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
