package ir.sarkhat.article.wordpress;

import java.util.List;
import java.util.Map;

/** What a WXR (WordPress eXtended RSS 1.0–1.2) file holds, as plain records: values exactly as written. */
final class Wxr {

    private Wxr() {
    }

    /** {@code <wp:category>}: {@code parent} is the parent's nicename, empty at the top. */
    record Category(String nicename, String parent, String name) {
    }

    /** {@code <wp:tag>}. */
    record Tag(String slug, String name) {
    }

    /** A {@code <category domain="category|post_tag" nicename="…">name</category>} of an item. */
    record Term(String domain, String nicename, String name) {
    }

    /** {@code <wp:comment>}; {@code approved} is "1", "0", "spam" or "trash". */
    record Comment(String id, String author, String email, String url, String ip, String date, String dateGmt,
            String content, String approved, String type, String parent) {
    }

    /** One {@code <item>}; {@code line} is where it starts in the file, for messages. */
    record Item(int line, String postId, String title, String link, String creator, String content, String excerpt,
            String postDate, String postDateGmt, String modified, String modifiedGmt, String postName, String status,
            String postType, boolean sticky, String attachmentUrl, List<Term> terms, Map<String, String> meta,
            List<Comment> comments) {

        /** How a report names it: its WordPress id and type, or its line when the id is missing. */
        String label() {
            return (postType == null || postType.isEmpty() ? "item" : postType) + " "
                    + (postId == null || postId.isEmpty() ? "at line " + line : postId);
        }
    }

    /** What the reader hands over, in file order. */
    interface Visitor {

        default void category(Category category) {
        }

        default void tag(Tag tag) {
        }

        default void item(Item item) {
        }
    }
}
