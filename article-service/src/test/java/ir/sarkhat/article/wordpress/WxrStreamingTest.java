package ir.sarkhat.article.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import org.junit.jupiter.api.Test;

/**
 * A 1 GiB export read by the scan pass in a test JVM whose heap is smaller than the file
 * (surefire runs with -Xmx768m): only a reader that streams can finish. The file is generated on
 * the fly, so nothing of that size touches the disk either.
 */
class WxrStreamingTest {

    static final long GIB = 1L << 30;

    @Test
    void aGibibyteExportIsScannedWithAHeapSmallerThanTheFile() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(GIB);
        byte[] head = WxrReaderTest.HEAD.getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</channel></rss>".getBytes(StandardCharsets.UTF_8);
        String body = "<p>" + "متن خبر ".repeat(1200) + "</p>";
        long[] written = { head.length };
        Enumeration<InputStream> parts = new Enumeration<>() {
            int id;
            boolean done;

            @Override
            public boolean hasMoreElements() {
                return !done;
            }

            @Override
            public InputStream nextElement() {
                if (written[0] >= GIB) {
                    done = true;
                    return new java.io.ByteArrayInputStream(tail);
                }
                id++;
                byte[] item = ("<item><title>خبر " + id + "</title><wp:post_id>" + id + "</wp:post_id>"
                        + "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                        + "<content:encoded><![CDATA[" + body + "]]></content:encoded></item>\n")
                        .getBytes(StandardCharsets.UTF_8);
                written[0] += item.length;
                return new java.io.ByteArrayInputStream(item);
            }
        };
        WxrScan scan = new WxrScan();
        WxrReader.read(new SequenceInputStream(new java.io.ByteArrayInputStream(head), new SequenceInputStream(parts)),
                scan);
        assertThat(written[0]).isGreaterThanOrEqualTo(GIB);
        assertThat(scan.items).isGreaterThan(50_000);
        assertThat(scan.duplicated).isEmpty();
    }
}
