package ir.sarkhat.article.text;

import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlSanitizer;

/**
 * Renders an HTML body (articles imported from WordPress) the way {@link MarkdownBody} renders
 * Markdown: the same allow-list sanitizer, the plain text a reader reads, and the number of images.
 */
public final class HtmlBody {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "tr", "figure", "figcaption", "table", "ul", "ol", "hr");

    private HtmlBody() {
    }

    public static MarkdownBody.Rendered render(String html) {
        String safe = MarkdownBody.POLICY.sanitize(html == null ? "" : html);
        TextCollector text = collect(safe);
        return new MarkdownBody.Rendered(safe, text.plain(), text.images);
    }

    /** The text of any HTML: entities decoded, tags dropped, block ends as line breaks. */
    public static String plainText(String html) {
        return collect(html == null ? "" : html).plain();
    }

    private static TextCollector collect(String html) {
        TextCollector text = new TextCollector();
        HtmlSanitizer.sanitize(html, text);
        return text;
    }

    /** Receives the parsed, sanitized HTML: text as decoded characters, tags by name. */
    private static final class TextCollector implements HtmlSanitizer.Policy {
        final StringBuilder text = new StringBuilder();
        int images;

        String plain() {
            return text.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if ("img".equals(elementName)) {
                images++;
                text.append(' ');
            } else if (BLOCKS.contains(elementName)) {
                text.append('\n');
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (BLOCKS.contains(elementName)) {
                text.append('\n');
            }
        }

        @Override
        public void text(String textChunk) {
            text.append(textChunk);
        }
    }
}
