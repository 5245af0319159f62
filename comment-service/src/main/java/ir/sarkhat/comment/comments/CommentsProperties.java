package ir.sarkhat.comment.comments;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ir.sarkhat.comment.text.PersianText;

/**
 * {@code sarkhat.comments.*}: closing, flood control, trash retention, trusted proxies and the
 * moderation policy. Defaults are WordPress's.
 *
 * @param closeAfterDays  close comments this many days after publication; 0 = never
 * @param floodInterval   minimum time between two comments from one IP or one email
 * @param trashRetention  trash older than this is purged
 * @param purgeInterval   how often the purge runs
 * @param trustedProxies  peers whose last X-Forwarded-For entry is the client (the gateway)
 */
@ConfigurationProperties("sarkhat.comments")
public record CommentsProperties(int closeAfterDays, Duration floodInterval, Duration trashRetention,
        Duration purgeInterval, List<String> trustedProxies, Moderation moderation) {

    public CommentsProperties {
        floodInterval = floodInterval == null ? Duration.ofSeconds(15) : floodInterval;
        trashRetention = trashRetention == null ? Duration.ofDays(30) : trashRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "::1") : List.copyOf(trustedProxies);
        moderation = moderation == null ? new Moderation(null, null, null, null) : moderation;
    }

    /** none: approve unless a rule holds it; all: hold everything; first-time: hold unless name+email has an approved comment. */
    public enum Mode {
        NONE, ALL, FIRST_TIME
    }

    /**
     * @param holdLinks  hold a comment with at least this many links; 0 = off
     * @param holdWords  words that hold a comment for moderation
     * @param blockWords words that send a comment to spam
     */
    public record Moderation(Mode mode, Integer holdLinks, List<String> holdWords, List<String> blockWords) {

        public Moderation {
            mode = mode == null ? Mode.FIRST_TIME : mode;
            holdLinks = holdLinks == null ? 2 : holdLinks;
            holdWords = words(holdWords);
            blockWords = words(blockWords);
        }

        private static List<String> words(List<String> words) {
            if (words == null) {
                return List.of();
            }
            return words.stream().map(PersianText::normalizeLine).filter(w -> w != null && !w.isBlank())
                    .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
    }
}
