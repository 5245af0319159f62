package ir.sarkhat.article.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plain share links (no third-party script, nothing loaded until the reader clicks). */
final class ShareLinks {

    private ShareLinks() {
    }

    static List<Link> of(String title, String url) {
        String u = query(url);
        String t = query(title);
        return List.of(
                new Link("تلگرام", "https://t.me/share/url?url=" + u + "&text=" + t),
                new Link("واتس‌اپ", "https://wa.me/?text=" + query(title + " " + url)),
                new Link("ایکس", "https://x.com/intent/post?url=" + u + "&text=" + t),
                new Link("فیسبوک", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new Link("لینکدین", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
                new Link("ایمیل", "mailto:?subject=" + t + "&body=" + u));
    }

    // Spaces as %20, not '+': mailto: and some share endpoints read '+' literally.
    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
