package ir.sarkhat.article.wordpress;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.web.util.UriUtils;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.article.categories.CategoryNode;
import ir.sarkhat.article.comments.ApprovedComment;
import ir.sarkhat.article.text.Slugs;

/**
 * Writes a WXR 1.2 file with StAX as articles are read, so the export never sits in memory. Post ids
 * are the WordPress ids of imported articles and numbers from {@value #OWN_IDS} on for the others;
 * featured images become attachment items, approved comments keep their threading.
 */
final class WxrWriter implements AutoCloseable {

    static final String WP = "http://wordpress.org/export/1.2/";
    static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final long OWN_IDS = 1_000_000_000L;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final XMLStreamWriter xml;
    private final String baseUrl;
    private long nextOwnId = OWN_IDS;
    private long nextCommentId = 1;

    WxrWriter(OutputStream out, String baseUrl) throws XMLStreamException {
        this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        this.baseUrl = baseUrl;
    }

    void start(String siteName, List<String> authors, List<CategoryNode> categories, List<String> tags)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("excerpt", EXCERPT);
        xml.writeNamespace("content", CONTENT);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("wp", WP);
        xml.writeStartElement("channel");
        text("title", siteName);
        text("link", baseUrl);
        text("description", "");
        text("language", "fa-IR");
        wp("wxr_version", "1.2");
        wp("base_site_url", baseUrl);
        wp("base_blog_url", baseUrl);
        for (String author : authors) {
            xml.writeStartElement("wp", "author", WP);
            wp("author_login", author);
            wp("author_display_name", author);
            xml.writeEndElement();
        }
        long termId = 1;
        for (CategoryNode root : categories) {
            termId = category(root, termId);
        }
        for (String tag : tags) {
            xml.writeStartElement("wp", "tag", WP);
            wp("term_id", String.valueOf(termId++));
            wp("tag_slug", encode(Slugs.of(tag)));
            wpCdata("tag_name", tag);
            xml.writeEndElement();
        }
    }

    /** Parents are written before their children, as WordPress's importer needs. */
    private long category(CategoryNode node, long termId) throws XMLStreamException {
        xml.writeStartElement("wp", "category", WP);
        wp("term_id", String.valueOf(termId));
        wp("category_nicename", encode(node.slug()));
        wp("category_parent", node.parent() == null ? "" : encode(node.parent()));
        wpCdata("cat_name", node.name());
        xml.writeEndElement();
        long next = termId + 1;
        for (CategoryNode child : node.children()) {
            next = category(child, next);
        }
        return next;
    }

    void article(Article a, Map<String, String> categoryNames, List<ApprovedComment> comments)
            throws XMLStreamException {
        long postId = a.wordpressId() != null ? a.wordpressId() : nextOwnId++;
        Long attachmentId = null;
        if (a.featuredImage() != null) {
            attachmentId = nextOwnId++;
            attachment(attachmentId, postId, a);
        }
        Instant date = a.publishedAt() != null ? a.publishedAt() : a.publishAt() != null ? a.publishAt() : a.createdAt();
        xml.writeStartElement("item");
        text("title", a.title());
        text("link", baseUrl + "/articles/" + encode(a.slug()));
        text("pubDate", RFC_1123.format(date.atOffset(ZoneOffset.UTC)));
        xml.writeStartElement("dc", "creator", DC);
        xml.writeCData(a.author() == null ? "" : a.author());
        xml.writeEndElement();
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(baseUrl + "/?p=" + postId);
        xml.writeEndElement();
        text("description", "");
        xml.writeStartElement("content", "encoded", CONTENT);
        cdata(a.bodyHtml());
        xml.writeEndElement();
        xml.writeStartElement("excerpt", "encoded", EXCERPT);
        cdata(a.excerpt());
        xml.writeEndElement();
        wp("post_id", String.valueOf(postId));
        wp("post_date", WordPressDates.format(date));
        wp("post_date_gmt", a.status() == ArticleStatus.DRAFT ? "0000-00-00 00:00:00" : WordPressDates.format(date));
        Instant modified = a.updatedAt() == null ? date : a.updatedAt();
        wp("post_modified", WordPressDates.format(modified));
        wp("post_modified_gmt", WordPressDates.format(modified));
        wp("comment_status", "open");
        wp("ping_status", "closed");
        wp("post_name", encode(a.slug()));
        wp("status", switch (a.status()) {
            case PUBLISHED -> "publish";
            case SCHEDULED -> "future";
            default -> "draft";
        });
        wp("post_parent", "0");
        wp("menu_order", "0");
        wp("post_type", "post");
        wp("post_password", "");
        wp("is_sticky", a.sticky() ? "1" : "0");
        for (String slug : a.categories()) {
            term("category", encode(slug), categoryNames.getOrDefault(slug, slug));
        }
        for (String tag : a.tags()) {
            term("post_tag", encode(Slugs.of(tag)), tag);
        }
        if (attachmentId != null) {
            meta("_thumbnail_id", String.valueOf(attachmentId));
        }
        Map<String, Long> commentIds = new HashMap<>();
        for (ApprovedComment c : comments) {
            commentIds.put(c.commentId(), nextCommentId++);
        }
        for (ApprovedComment c : comments) {
            comment(c, commentIds);
        }
        xml.writeEndElement();
    }

    private void attachment(long id, long parent, Article a) throws XMLStreamException {
        xml.writeStartElement("item");
        text("title", a.featuredImage().alt());
        wp("post_id", String.valueOf(id));
        wp("post_parent", String.valueOf(parent));
        wp("post_type", "attachment");
        wp("status", "inherit");
        wp("attachment_url", a.featuredImage().url());
        meta("_wp_attachment_image_alt", a.featuredImage().alt());
        xml.writeEndElement();
    }

    private void comment(ApprovedComment c, Map<String, Long> ids) throws XMLStreamException {
        xml.writeStartElement("wp", "comment", WP);
        wp("comment_id", String.valueOf(ids.get(c.commentId())));
        wpCdata("comment_author", c.authorName());
        wp("comment_author_email", "");
        wp("comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
        wp("comment_author_IP", "");
        Instant at = c.createdAt() == null ? Instant.EPOCH : c.createdAt();
        wp("comment_date", WordPressDates.format(at));
        wp("comment_date_gmt", WordPressDates.format(at));
        wpCdata("comment_content", c.bodyHtml());
        wp("comment_approved", "1");
        wp("comment_type", "comment");
        Long parent = c.parentId() == null ? null : ids.get(c.parentId());
        wp("comment_parent", parent == null ? "0" : String.valueOf(parent));
        wp("comment_user_id", "0");
        xml.writeEndElement();
    }

    private void term(String domain, String nicename, String name) throws XMLStreamException {
        xml.writeStartElement("category");
        xml.writeAttribute("domain", domain);
        xml.writeAttribute("nicename", nicename);
        cdata(name);
        xml.writeEndElement();
    }

    private void meta(String key, String value) throws XMLStreamException {
        xml.writeStartElement("wp", "postmeta", WP);
        wp("meta_key", key);
        wpCdata("meta_value", value);
        xml.writeEndElement();
    }

    private void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private void wp(String name, String value) throws XMLStreamException {
        xml.writeStartElement("wp", name, WP);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private void wpCdata(String name, String value) throws XMLStreamException {
        xml.writeStartElement("wp", name, WP);
        cdata(value);
        xml.writeEndElement();
    }

    /** CDATA as WordPress writes it; a "]]>" inside is split across two sections. */
    private void cdata(String value) throws XMLStreamException {
        String[] parts = (value == null ? "" : value).split("]]>", -1);
        for (int i = 0; i < parts.length; i++) {
            xml.writeCData((i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : ""));
        }
    }

    /** Slugs percent-encoded with lower-case hex, as WordPress keeps them. */
    static String encode(String slug) {
        String encoded = UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase());
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    @Override
    public void close() throws XMLStreamException {
        xml.close();
    }
}
