package ir.sarkhat.article.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test texts from src/test/resources (copied from /work/shared/fixtures/persian). */
final class Fixtures {

    /** The news article's own text as Markdown: 400 words, one heading, no page chrome. */
    static final String ARTICLE_BODY = read("/smart-government-window-body.md");
    /** The whole page as it was scraped, chrome included. */
    static final String ARTICLE_PAGE = read("/smart-government-window-article.txt");

    private Fixtures() {
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
