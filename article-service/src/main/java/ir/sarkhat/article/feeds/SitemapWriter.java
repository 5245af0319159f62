package ir.sarkhat.article.feeds;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.pages.PageArticle;
import ir.sarkhat.article.pages.Site;

/** sitemaps.org 0.9 and the Google News sitemap extension. */
final class SitemapWriter {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private SitemapWriter() {
    }

    /** A page to list, with an absolute, encoded URL and when it last changed. */
    record Entry(String url, Instant lastModified) {
    }

    static byte[] sitemap(List<Entry> entries) {
        return Xml.document(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            for (Entry entry : entries) {
                xml.writeStartElement("url");
                Xml.element(xml, "loc", entry.url());
                if (entry.lastModified() != null) {
                    Xml.element(xml, "lastmod", Xml.rfc3339(entry.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] news(Site site, List<PageArticle> articles) {
        return Xml.document(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.setPrefix("news", NEWS);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (PageArticle a : articles) {
                xml.writeStartElement("url");
                Xml.element(xml, "loc", site.url(Site.articlePath(a.slug())));
                xml.writeStartElement("news", "news", NEWS);
                xml.writeStartElement("news", "publication", NEWS);
                Xml.element(xml, "news", NEWS, "name", site.name());
                Xml.element(xml, "news", NEWS, "language", "fa");
                xml.writeEndElement();
                Xml.element(xml, "news", NEWS, "publication_date", Xml.rfc3339(a.publishedAt()));
                Xml.element(xml, "news", NEWS, "title", a.title());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }
}
