package ir.sarkhat.article.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WXR file with StAX, one item at a time: memory stays flat however large the export is.
 * DTDs and external entities are off (no XXE). A file that is not XML, not a WordPress export
 * (no {@code wordpress.org/export/1.x/} namespace) or cut off fails with a {@link WxrException}
 * naming the line.
 */
final class WxrReader {

    /** The wp: namespace of WXR 1.0, 1.1 and 1.2, http or https. */
    static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-2]/");
    private static final XMLInputFactory FACTORY = factory();

    private WxrReader() {
    }

    static void read(Path file, Wxr.Visitor visitor) {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, visitor);
        } catch (IOException e) {
            throw new WxrException("The uploaded file could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads only up to the root element: a quick answer while the upload request is still open
     * (not XML, not WXR). Truncation shows only at the end, in the job's full pass.
     */
    static void checkStart(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = null;
            try {
                xml = FACTORY.createXMLStreamReader(in);
                new Parse(xml, new Wxr.Visitor() { }).root();
            } catch (XMLStreamException e) {
                throw new WxrException(describe(e));
            } finally {
                close(xml);
            }
        } catch (IOException e) {
            throw new WxrException("The uploaded file could not be read: " + e.getMessage());
        }
    }

    static void read(InputStream in, Wxr.Visitor visitor) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            Parse parse = new Parse(xml, visitor);
            parse.root();
            parse.body();
        } catch (XMLStreamException e) {
            throw new WxrException(describe(e));
        } finally {
            close(xml);
        }
    }

    private static String describe(XMLStreamException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        if (where.contains("line 1,") && (message.contains("prolog") || message.contains("well-formed"))) {
            return "The file is not XML" + where + ": " + message;
        }
        if (message.contains("XML document structures must start and end") || message.contains("EOF")) {
            return "The file ends in the middle of the XML" + where + ": it is truncated. Export it again.";
        }
        return "The file is not well-formed XML" + where + ": " + message;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // already failing or done
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** One pass over one document. */
    private static final class Parse {
        private final XMLStreamReader xml;
        private final Wxr.Visitor visitor;

        Parse(XMLStreamReader xml, Wxr.Visitor visitor) {
            this.xml = xml;
            this.visitor = visitor;
        }

        void root() throws XMLStreamException {
            xml.nextTag();
            if (!"rss".equals(xml.getLocalName())) {
                throw new WxrException("Not a WordPress export: the root element is <" + xml.getLocalName()
                        + ">, a WXR file starts with <rss>.");
            }
            boolean wordpress = false;
            for (int i = 0; i < xml.getNamespaceCount(); i++) {
                wordpress |= xml.getNamespaceURI(i) != null && WP_NAMESPACE.matcher(xml.getNamespaceURI(i)).matches();
            }
            if (!wordpress) {
                throw new WxrException("Not a WordPress export: <rss> does not declare the WXR namespace "
                        + "https://wordpress.org/export/1.2/ (or 1.0/1.1).");
            }
        }

        void body() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if ("item".equals(name) && prefixKind().isEmpty()) {
                    visitor.item(item());
                } else if (isWp() && "category".equals(name)) {
                    Map<String, String> c = leaves();
                    visitor.category(new Wxr.Category(c.getOrDefault("category_nicename", ""),
                            c.getOrDefault("category_parent", ""), c.getOrDefault("cat_name", "")));
                } else if (isWp() && "tag".equals(name)) {
                    Map<String, String> t = leaves();
                    visitor.tag(new Wxr.Tag(t.getOrDefault("tag_slug", ""), t.getOrDefault("tag_name", "")));
                }
            }
        }

        private boolean isWp() {
            return xml.getNamespaceURI() != null && WP_NAMESPACE.matcher(xml.getNamespaceURI()).matches();
        }

        /** The leaf children of the current element by local name (first one wins); ends on its end tag. */
        private Map<String, String> leaves() throws XMLStreamException {
            Map<String, String> values = new LinkedHashMap<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                values.putIfAbsent(xml.getLocalName(), xml.getElementText());
            }
            return values;
        }

        private Wxr.Item item() throws XMLStreamException {
            int line = xml.getLocation().getLineNumber();
            Map<String, String> values = new LinkedHashMap<>();
            List<Wxr.Term> terms = new ArrayList<>();
            Map<String, String> meta = new LinkedHashMap<>();
            List<Wxr.Comment> comments = new ArrayList<>();
            while (next() == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String prefix = prefixKind();
                if (prefix.isEmpty() && "category".equals(name)) {
                    String domain = xml.getAttributeValue(null, "domain");
                    String nicename = xml.getAttributeValue(null, "nicename");
                    terms.add(new Wxr.Term(domain, nicename, xml.getElementText()));
                } else if ("wp".equals(prefix) && "postmeta".equals(name)) {
                    Map<String, String> m = leaves();
                    meta.putIfAbsent(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
                } else if ("wp".equals(prefix) && "comment".equals(name)) {
                    comments.add(comment(leavesSkippingNested()));
                } else {
                    values.putIfAbsent(prefix + ":" + name, text());
                }
            }
            return new Wxr.Item(line, trim(values.get("wp:post_id")), values.get(":title"), values.get(":link"),
                    values.get("dc:creator"), values.get("content:encoded"), values.get("excerpt:encoded"),
                    trim(values.get("wp:post_date")), trim(values.get("wp:post_date_gmt")),
                    trim(values.get("wp:post_modified")), trim(values.get("wp:post_modified_gmt")),
                    trim(values.get("wp:post_name")), trim(values.get("wp:status")), trim(values.get("wp:post_type")),
                    "1".equals(trim(values.get("wp:is_sticky"))), trim(values.get("wp:attachment_url")), terms, meta,
                    comments);
        }

        /** A comment's fields; its own {@code <wp:commentmeta>} children are skipped. */
        private Map<String, String> leavesSkippingNested() throws XMLStreamException {
            Map<String, String> values = new LinkedHashMap<>();
            while (next() == XMLStreamConstants.START_ELEMENT) {
                values.putIfAbsent(xml.getLocalName(), text());
            }
            return values;
        }

        private static Wxr.Comment comment(Map<String, String> c) {
            return new Wxr.Comment(trim(c.get("comment_id")), c.get("comment_author"), trim(c.get("comment_author_email")),
                    trim(c.get("comment_author_url")), trim(c.get("comment_author_IP")), trim(c.get("comment_date")),
                    trim(c.get("comment_date_gmt")), c.get("comment_content"), trim(c.get("comment_approved")),
                    trim(c.get("comment_type")), trim(c.get("comment_parent")));
        }

        /** The next start or end tag, skipping text, comments and whitespace. */
        private int next() throws XMLStreamException {
            int event;
            do {
                event = xml.next();
            } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT
                    && event != XMLStreamConstants.END_DOCUMENT);
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("EOF inside an <item>", xml.getLocation());
            }
            return event;
        }

        /** The text of the current element; nested elements (unexpected here) are skipped. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                            XMLStreamConstants.ENTITY_REFERENCE -> {
                        if (depth == 1) {
                            text.append(xml.getText());
                        }
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("EOF", xml.getLocation());
                    default -> {
                    }
                }
            }
            return text.toString();
        }

        /** "wp", "content", "excerpt", "dc" or "" (plain RSS) for the current element. */
        private String prefixKind() {
            String uri = xml.getNamespaceURI();
            if (uri == null || uri.isEmpty()) {
                return "";
            }
            if (WP_NAMESPACE.matcher(uri).matches()) {
                return "wp";
            }
            if (uri.contains("purl.org/rss/1.0/modules/content")) {
                return "content";
            }
            if (uri.contains("wordpress.org/export/") && uri.endsWith("excerpt/")) {
                return "excerpt";
            }
            if (uri.contains("purl.org/dc/elements")) {
                return "dc";
            }
            return "other";
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }
    }
}
