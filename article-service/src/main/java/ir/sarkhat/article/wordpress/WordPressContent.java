package ir.sarkhat.article.wordpress;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.sarkhat.article.text.HtmlBody;

/**
 * WordPress post content as the HTML it showed: classic posts get WordPress's automatic paragraphs
 * (blank line = paragraph, line break = {@code <br>}), Gutenberg posts already are HTML (their
 * {@code <!-- wp:… -->} block comments are dropped by the sanitizer later). Shortcodes: {@code [caption]}
 * becomes a figure, {@code [embed]} a link; the others cannot be rendered here and are removed with
 * their tags, keeping any text they enclose, so the page never shows raw {@code [gallery …]}.
 */
final class WordPressContent {

    private static final Pattern CAPTION = Pattern.compile(
            "\\[(?:caption|wp_caption)[^\\]]*\\](.*?)\\[/(?:caption|wp_caption)\\]", Pattern.DOTALL);
    /** The image (possibly inside a link) at the start of a caption, then its text. */
    private static final Pattern CAPTION_PARTS = Pattern.compile("^\\s*((?:<a [^>]*>)?\\s*<img [^>]*>\\s*(?:</a>)?)(.*)$",
            Pattern.DOTALL);
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\]\\s*(https?://[^\\s\\[]+)\\s*\\[/embed\\]");
    /** Any other shortcode tag, opening or closing, with a Latin name (so "[1]" or Persian brackets stay). */
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-zA-Z][\\w-]*(?:\\s[^\\[\\]]*)?/?\\]");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "^\\s*</?(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|!--)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NO_AUTOP_MARK = Set.of("<!-- wp:");

    private WordPressContent() {
    }

    static String toHtml(String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        String html = content.replace("\r\n", "\n");
        html = replace(CAPTION, html, m -> caption(m.group(1)));
        html = replace(EMBED, html, m -> "<p><a href=\"" + m.group(1) + "\">" + m.group(1) + "</a></p>");
        html = SHORTCODE.matcher(html).replaceAll("");
        boolean blocks = NO_AUTOP_MARK.stream().anyMatch(html::contains);
        return blocks ? html : autop(html);
    }

    private static String caption(String inner) {
        Matcher parts = CAPTION_PARTS.matcher(inner);
        if (!parts.matches()) {
            return inner;
        }
        return "<figure>" + parts.group(1).strip() + "<figcaption>" + parts.group(2).strip() + "</figcaption></figure>";
    }

    /** WordPress's wpautop, the part that matters: paragraphs from blank lines, {@code <br>} from single ones. */
    static String autop(String text) {
        StringBuilder html = new StringBuilder(text.length() + 64);
        for (String chunk : text.strip().split("\\n\\s*\\n")) {
            String block = chunk.strip();
            if (block.isEmpty()) {
                continue;
            }
            if (BLOCK_TAG.matcher(block).find()) {
                html.append(block).append('\n');
            } else {
                html.append("<p>").append(block.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return html.toString().strip();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A WordPress comment's HTML as the plain text comment-service keeps (it renders and links it itself). */
    static String commentText(String content) {
        if (content == null) {
            return "";
        }
        // A link keeps its address in the text (comment-service links URLs itself); once when it is its own text.
        String text = replace(LINK, content.replace("\r\n", "\n"), m -> m.group(2).strip().equals(m.group(1))
                ? m.group(1) : m.group(2) + " (" + m.group(1) + ")");
        return HtmlBody.plainText(text).replaceAll("\n{3,}", "\n\n");
    }

    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*href=\"(https?://[^\"]+)\"[^>]*>(.*?)</a>");
}
