package ir.sarkhat.article.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans what CommentApproved carries before it is stored. comment-service already sanitized the
 * body, but it comes from another service: it passes the same allow-list again (links and line
 * breaks only, http/https, {@code rel="ugc nofollow noopener"}), so a bug or a forged event there
 * cannot put a script on our pages. Names and URLs are text and checked here too.
 */
final class CommentHtml {

    static final String REL = "ugc nofollow noopener";
    static final int MAX_NAME = 245;
    static final int MAX_URL = 200;
    private static final PolicyFactory BODY = new HtmlPolicyBuilder()
            .allowElements("a", "br")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("rel").matching(Pattern.compile(Pattern.quote(REL))).onElements("a")
            .requireRelsOnLinks("ugc", "nofollow", "noopener")
            .toFactory();
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,128}");

    private CommentHtml() {
    }

    static String body(String html) {
        return html == null ? "" : BODY.sanitize(html);
    }

    /** Plain text (Thymeleaf escapes it on output): control characters dropped, at most 245 characters. */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String clean = CONTROL.matcher(name).replaceAll(" ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.codePoints().limit(MAX_NAME)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Only an absolute http(s) address with a host becomes a link; anything else is dropped. */
    static String url(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A hex digest (the commenter's salted hash) or nothing: it only picks an avatar colour. */
    static String avatarHash(String hash) {
        if (hash == null) {
            return null;
        }
        String lower = hash.strip().toLowerCase(Locale.ROOT);
        return HEX.matcher(lower).matches() ? lower : null;
    }
}
