package ir.sarkhat.article.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

import ir.sarkhat.article.stats.Readership;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves anonymous GETs of article pages, article JSON, listings and feeds from {@link PageCache},
 * and stores their 200 answers. Runs after Spring Security (default filter order), so cached
 * answers get the same security headers as fresh ones. {@code X-Sarkhat-Cache} says HIT or MISS.
 */
@Component
class PageCacheFilter extends OncePerRequestFilter {

    static final String PAGE = "page";
    static final String JSON = "json";
    static final String CACHE_HEADER = "X-Sarkhat-Cache";
    static final String ARTICLE_ID_HEADER = "X-Sarkhat-Article-Id";
    private static final Pattern ARTICLE_PAGE = Pattern.compile("/articles/([^/]+)");
    private static final Pattern ARTICLE_JSON = Pattern.compile("/api/articles/([^/]+)");
    private static final Pattern LISTING = Pattern.compile(
            "/|/feed/?|/feed/rss2|/feed/atom|/sitemap\\.xml|/news-sitemap\\.xml|/(tag|category|author)/[^/]+(/feed)?");

    private final PageCache cache;

    PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            // An editor's change is visible to the next read on this instance at once; the other
            // instances evict when they consume the change's event.
            if (response.getStatus() < 300 && request.getRequestURI().startsWith("/api/")) {
                cache.evictAll();
            }
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String articleKey = articleKey(path);
        String listingKey = articleKey == null && LISTING.matcher(path).matches()
                ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                : null;
        if (articleKey == null && listingKey == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedResponse hit = articleKey != null ? cache.article(articleKey) : cache.listing(listingKey);
        if (hit != null) {
            send(hit, request, response);
            return;
        }
        long generation = articleKey != null ? cache.articleGeneration(articleKey) : cache.listingGeneration();
        response.setHeader(CACHE_HEADER, "MISS");
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentType() != null) {
                byte[] body = wrapper.getContentAsByteArray();
                CachedResponse fresh = new CachedResponse(wrapper.getContentType(), body,
                        wrapper.getHeader(ARTICLE_ID_HEADER), wrapper.getHeader(HttpHeaders.ETAG),
                        countSlots(articleKey, body, request.getAttribute(Readership.SHOWN)));
                if (articleKey != null) {
                    cache.putArticle(articleKey, fresh, generation);
                } else {
                    cache.putListing(listingKey, fresh, generation);
                }
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    /** Where the counts the controller rendered stand in an article's answer, so new counts need no re-render. */
    private static CountSlots countSlots(String articleKey, byte[] body, Object shown) {
        if (articleKey == null || !(shown instanceof Readership readership)) {
            return null;
        }
        return CountSlots.find(articleKey.startsWith(PAGE + ":") ? CountSlots.Format.PAGE : CountSlots.Format.JSON,
                body, readership);
    }

    /** The cache key of an article page or JSON path, else null ({@code /api/articles/id/…} is staff-only). */
    static String articleKey(String path) {
        Matcher page = ARTICLE_PAGE.matcher(path);
        if (page.matches()) {
            return PageCache.articleKey(PAGE, decode(page.group(1)));
        }
        Matcher json = ARTICLE_JSON.matcher(path);
        if (json.matches() && !"id".equals(json.group(1))) {
            return PageCache.articleKey(JSON, decode(json.group(1)));
        }
        return null;
    }

    private static String decode(String segment) {
        return UriUtils.decode(segment, StandardCharsets.UTF_8);
    }

    private static void send(CachedResponse hit, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(CACHE_HEADER, "HIT");
        if (hit.articleId() != null) {
            response.setHeader(ARTICLE_ID_HEADER, hit.articleId());
        }
        if (hit.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, hit.etag());
            if (hit.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(hit.contentType());
        response.setContentLength(hit.body().length);
        response.getOutputStream().write(hit.body());
    }
}
