package ir.sarkhat.article.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WxrReaderTest {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            + "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n";

    static List<Wxr.Item> items(String xml) {
        List<Wxr.Item> items = new ArrayList<>();
        WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new Wxr.Visitor() {
            @Override
            public void item(Wxr.Item item) {
                items.add(item);
            }
        });
        return items;
    }

    @Test
    void readsAnItemWithItsTermsMetaAndComments() {
        List<Wxr.Item> items = items(HEAD + "<item><title>عنوان</title><wp:post_id>7</wp:post_id>"
                + "<wp:post_name><![CDATA[%d8%b3%d9%84%d8%a7%d9%85]]></wp:post_name><wp:post_type>post</wp:post_type>"
                + "<category domain=\"post_tag\" nicename=\"t\"><![CDATA[Tag]]></category>"
                + "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>"
                + "<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_parent>0</wp:comment_parent>"
                + "<wp:commentmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:commentmeta>"
                + "</wp:comment></item></channel></rss>");
        assertThat(items).hasSize(1);
        Wxr.Item item = items.get(0);
        assertThat(item.postId()).isEqualTo("7");
        assertThat(WxrImport.decode(item.postName())).isEqualTo("سلام");
        assertThat(item.terms()).containsExactly(new Wxr.Term("post_tag", "t", "Tag"));
        assertThat(item.meta()).containsEntry("_thumbnail_id", "9");
        assertThat(item.comments()).extracting(Wxr.Comment::id).containsExactly("3");
    }

    @Test
    void somethingThatIsNotXmlIsRefusedAsSuch() {
        assertThatThrownBy(() -> items("post_id,title\n1,hello\n")).isInstanceOf(WxrException.class)
                .hasMessageStartingWith("The file is not XML");
    }

    @Test
    void anRssFeedWithoutTheWordPressNamespaceIsNotAnExport() {
        assertThatThrownBy(() -> items("<rss version=\"2.0\" xmlns:wp=\"http://example.com/export/\"><channel>"
                + "<item><title>x</title></item></channel></rss>")).isInstanceOf(WxrException.class)
                .hasMessageContaining("does not declare the WXR namespace");
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() {
        assertThatThrownBy(() -> items(HEAD + "<item><title>one</title><wp:post_id>1</wp:post_id></item>"
                + "<item><title>two</title><wp:post_i")).isInstanceOf(WxrException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> items(xxe)).isInstanceOf(WxrException.class);
    }
}
