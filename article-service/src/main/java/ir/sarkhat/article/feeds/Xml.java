package ir.sarkhat.article.feeds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A UTF-8 XML document written with StAX (escaping is the writer's job, never string concatenation), and feed dates. */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Xml() {
    }

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
        return out.toByteArray();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    static void element(XMLStreamWriter xml, String prefix, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry at all (most C0 controls) are dropped instead of breaking the document. */
    static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    /** RFC 822 (RSS 2.0), e.g. {@code Sun, 9 Apr 2023 08:30:00 GMT}. */
    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** RFC 3339 (Atom, sitemaps), e.g. {@code 2023-04-09T08:30:00Z}. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
