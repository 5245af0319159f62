package ir.sarkhat.article.feeds;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.pages.PageArticle;
import ir.sarkhat.article.pages.Site;

/** RSS 2.0 and Atom 1.0 documents of a list of published articles. */
final class FeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private FeedWriter() {
    }

    /** What a feed is about: its title, the page it mirrors and its own address (all absolute). */
    record Channel(String title, String description, String pageUrl, String selfUrl) {
    }

    static byte[] rss(Site site, Channel channel, List<PageArticle> articles) {
        return Xml.document(xml -> {
            xml.setPrefix("atom", ATOM);
            xml.setPrefix("dc", DC);
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM);
            xml.writeNamespace("dc", DC);
            xml.writeStartElement("channel");
            Xml.element(xml, "title", channel.title());
            Xml.element(xml, "link", channel.pageUrl());
            Xml.element(xml, "description", channel.description());
            Xml.element(xml, "language", "fa-IR");
            Xml.element(xml, "lastBuildDate", Xml.rfc822(newest(articles)));
            Xml.element(xml, "generator", "Sarkhat");
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", channel.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (PageArticle a : articles) {
                String url = site.url(Site.articlePath(a.slug()));
                xml.writeStartElement("item");
                Xml.element(xml, "title", a.title());
                Xml.element(xml, "link", url);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters(guid(a));
                xml.writeEndElement();
                Xml.element(xml, "pubDate", Xml.rfc822(a.publishedAt()));
                if (a.author() != null) {
                    Xml.element(xml, "dc", DC, "creator", a.author());
                }
                for (String tag : a.tags()) {
                    Xml.element(xml, "category", tag);
                }
                Xml.element(xml, "description", a.excerpt());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    static byte[] atom(Site site, Channel channel, List<PageArticle> articles) {
        return Xml.document(xml -> {
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "fa");
            Xml.element(xml, "id", channel.selfUrl());
            Xml.element(xml, "title", channel.title());
            Xml.element(xml, "subtitle", channel.description());
            Xml.element(xml, "updated", Xml.rfc3339(newest(articles)));
            link(xml, "self", channel.selfUrl(), "application/atom+xml");
            link(xml, "alternate", channel.pageUrl(), "text/html");
            xml.writeStartElement("author");
            Xml.element(xml, "name", site.name());
            xml.writeEndElement();
            Xml.element(xml, "generator", "Sarkhat");
            for (PageArticle a : articles) {
                xml.writeStartElement("entry");
                Xml.element(xml, "id", guid(a));
                Xml.element(xml, "title", a.title());
                Xml.element(xml, "published", Xml.rfc3339(a.publishedAt()));
                Xml.element(xml, "updated", Xml.rfc3339(a.modifiedAt()));
                link(xml, "alternate", site.url(Site.articlePath(a.slug())), "text/html");
                if (a.author() != null) {
                    xml.writeStartElement("author");
                    Xml.element(xml, "name", a.author());
                    Xml.element(xml, "uri", site.url(Site.authorPath(a.author())));
                    xml.writeEndElement();
                }
                for (String tag : a.tags()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", Xml.clean(tag));
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(Xml.clean(a.excerpt()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Stable across slug changes, so a renamed article is not a new item for subscribers. */
    static String guid(PageArticle a) {
        return "urn:sarkhat:article:" + a.id();
    }

    private static void link(javax.xml.stream.XMLStreamWriter xml, String rel, String href, String type)
            throws javax.xml.stream.XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    // An empty feed still needs a date: the epoch says "nothing yet" without inventing one.
    private static Instant newest(List<PageArticle> articles) {
        return articles.stream().map(PageArticle::modifiedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
