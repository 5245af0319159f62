package ir.sarkhat.comment.pages;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Serves the page assets. With the current hash in {@code ?v=} the answer is immutable for a year;
 * without it (or with an old hash) it may be cached for five minutes and is revalidated by ETag.
 */
@RestController
class PageAssetController {

    static final Duration SHORT_CACHE = Duration.ofMinutes(5);
    static final Duration LONG_CACHE = Duration.ofDays(365);

    private final PageAssets assets;

    PageAssetController(PageAssets assets) {
        this.assets = assets;
    }

    @GetMapping({ "/comments/widget.js", "/comments/widget.css", "/comments/console.js", "/comments/console.css" })
    ResponseEntity<byte[]> asset(HttpServletRequest request, @RequestParam(name = "v", required = false) String version,
            WebRequest webRequest) {
        String name = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        PageAssets.Asset asset = assets.find(name).orElseThrow(() -> ApiProblem.notFound("No such file."));
        String etag = "\"" + asset.hash() + "\"";
        CacheControl cache = asset.hash().equals(version)
                ? CacheControl.maxAge(LONG_CACHE).cachePublic().immutable()
                : CacheControl.maxAge(SHORT_CACHE).cachePublic();
        if (webRequest.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(asset.type()).eTag(etag).cacheControl(cache).body(asset.content());
    }
}
