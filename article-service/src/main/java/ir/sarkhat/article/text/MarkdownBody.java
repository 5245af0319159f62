package ir.sarkhat.article.text;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders an article's Markdown once, when it is saved: sanitized HTML for the pages, plain text
 * for excerpts and reading time, and the number of images. The sanitizer is an allow-list, so raw
 * HTML in the Markdown, event handlers and {@code javascript:} URLs never reach a reader.
 */
public final class MarkdownBody {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().sanitizeUrls(true).build();
    /** Shared with {@link HtmlBody}: Markdown and imported HTML pass the same allow-list. */
    static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del", "figure", "figcaption")
                    .allowAttributes("dir").matching(false, "rtl", "ltr", "auto").globally()
                    .toFactory());
    private static final int EXCERPT_WORDS = 55;

    private MarkdownBody() {
    }

    /** What a body renders to. */
    public record Rendered(String html, String plainText, int images) {

        /** The first ~55 words of the plain text, with an ellipsis when cut. */
        public String excerpt() {
            String[] words = plainText.strip().split("\\s+");
            if (words.length <= EXCERPT_WORDS) {
                return String.join(" ", words);
            }
            return String.join(" ", java.util.Arrays.copyOf(words, EXCERPT_WORDS)) + "…";
        }
    }

    public static Rendered render(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        String html = POLICY.sanitize(HTML.render(document));
        PlainText text = new PlainText();
        document.accept(text);
        return new Rendered(html, text.text.toString().strip(), text.images);
    }

    /**
     * The words a reader reads: text and code, link texts without their URLs. Raw HTML and image
     * alt texts are left out (an image counts as an image, not as words).
     */
    private static final class PlainText extends AbstractVisitor {
        final StringBuilder text = new StringBuilder();
        int images;

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            text.append(node.getLiteral()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            text.append(node.getLiteral()).append('\n');
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(Image node) {
            images++;
            text.append(' ');
        }

        @Override
        public void visit(HtmlBlock node) {
            // not text a reader sees
        }

        @Override
        public void visit(HtmlInline node) {
            // not text a reader sees
        }
    }
}
