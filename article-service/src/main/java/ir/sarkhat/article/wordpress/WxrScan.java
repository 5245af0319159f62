package ir.sarkhat.article.wordpress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first streaming pass: checks the whole file is a complete WXR document before anything is
 * written, counts the items (the progress total), and keeps the few things items refer to across
 * the file — categories, attachments used as featured images, post ids seen more than once.
 */
final class WxrScan implements Wxr.Visitor {

    int items;
    int tags;
    final List<Wxr.Category> categories = new ArrayList<>();
    /** Attachment post id → its URL and alt text. */
    final Map<String, FeaturedImageRef> attachments = new HashMap<>();
    final Set<String> thumbnails = new HashSet<>();
    final Set<String> duplicated = new HashSet<>();
    private final Set<String> seen = new HashSet<>();

    record FeaturedImageRef(String url, String alt, String title) {
    }

    static WxrScan of(Path file) {
        WxrScan scan = new WxrScan();
        WxrReader.read(file, scan);
        scan.attachments.keySet().retainAll(scan.thumbnails);
        return scan;
    }

    @Override
    public void category(Wxr.Category category) {
        categories.add(category);
    }

    @Override
    public void tag(Wxr.Tag tag) {
        tags++;
    }

    @Override
    public void item(Wxr.Item item) {
        items++;
        if (item.postId() != null && !item.postId().isEmpty() && !seen.add(item.postId())) {
            duplicated.add(item.postId());
        }
        String thumbnail = item.meta().get("_thumbnail_id");
        if (thumbnail != null && !thumbnail.isBlank()) {
            thumbnails.add(thumbnail.strip());
        }
        if ("attachment".equals(item.postType()) && item.attachmentUrl() != null && !item.attachmentUrl().isEmpty()) {
            attachments.put(item.postId(), new FeaturedImageRef(item.attachmentUrl(),
                    item.meta().get("_wp_attachment_image_alt"), item.title()));
        }
    }
}
