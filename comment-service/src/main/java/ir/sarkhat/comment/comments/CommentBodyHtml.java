package ir.sarkhat.comment.comments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a comment's plain text into the HTML readers get: everything escaped, line breaks as
 * {@code <br>}, http(s) URLs as links marked {@code rel="ugc nofollow noopener"} (user content, no
 * endorsement, no window.opener). The result also passes an allow-list sanitizer (links and line
 * breaks only), so a mistake in this class cannot become an XSS hole.
 */
@Component
public class CommentBodyHtml {

    /** http(s) URLs with at least one letter or digit after the scheme, up to a space, quote or markup. */
    private static final Pattern URL = Pattern.compile("https?://[\\p{L}\\p{N}][^\\s<>\"'«»]*",
            Pattern.CASE_INSENSITIVE);
    /** Punctuation that usually ends the sentence around a URL rather than the URL (Persian ones too). */
    private static final String TRAILING_PUNCTUATION = ".,;:!?،؛؟)]}";
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private static final String REL = "ugc nofollow noopener";
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("a", "br")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https")
            // Our own rel passes as written; any link without it gets the same values added.
            .allowAttributes("rel").matching(Pattern.compile(Pattern.quote(REL))).onElements("a")
            .requireRelsOnLinks("ugc", "nofollow", "noopener")
            .toFactory();

    public String render(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher url = URL.matcher(text);
        int done = 0;
        while (url.find()) {
            int end = urlEnd(text, url.start(), url.end());
            appendText(html, text.substring(done, url.start()));
            String href = escape(text.substring(url.start(), end));
            html.append("<a href=\"").append(href).append("\" rel=\"").append(REL).append("\">").append(href)
                    .append("</a>");
            done = end;
            url.region(end, text.length());
        }
        appendText(html, text.substring(done));
        return POLICY.sanitize(html.toString());
    }

    /** Drops trailing punctuation, except a closing parenthesis that closes one inside the URL. */
    private static int urlEnd(String text, int start, int end) {
        while (end > start && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
            char last = text.charAt(end - 1);
            if (last == ')' && count(text, start, end, '(') >= count(text, start, end, ')')) {
                break;
            }
            end--;
        }
        return end;
    }

    private static long count(String text, int start, int end, char c) {
        return text.substring(start, end).chars().filter(ch -> ch == c).count();
    }

    private static void appendText(StringBuilder html, String text) {
        html.append(LINE_BREAK.matcher(escape(text)).replaceAll("<br>"));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
