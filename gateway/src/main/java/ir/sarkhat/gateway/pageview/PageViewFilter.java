package ir.sarkhat.gateway.pageview;

import java.time.Instant;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import ir.sarkhat.gateway.protection.ClientIp;

/**
 * Watches proxied responses. article-service marks an article page with {@code X-Sarkhat-Article-Id}; the header is
 * internal, so it is removed from every proxied response, and a {@code 200} to {@code GET /articles/{slug}} counts
 * as one page view, whose id goes back to the browser in {@code Server-Timing: pv;desc="<pageviewId>"}. Done just before the response is committed, when the backend's status and headers are known but
 * nothing has gone to the browser yet; the event itself is built and sent asynchronously.
 */
@Component
class PageViewFilter implements GlobalFilter, Ordered {

    static final String ARTICLE_ID_HEADER = "X-Sarkhat-Article-Id";
    static final String SERVER_TIMING = "Server-Timing";
    private static final PathPattern ARTICLE_PAGE = PathPatternParser.defaultInstance.parse("/articles/{slug}");

    private final PageViews pageViews;
    private final StaffRequests staff;
    private final ClientIp clientIp;
    private final PageviewIds pageviewIds;

    PageViewFilter(PageViews pageViews, StaffRequests staff, ClientIp clientIp, PageviewIds pageviewIds) {
        this.pageViews = pageViews;
        this.pageviewIds = pageviewIds;
        this.staff = staff;
        this.clientIp = clientIp;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean articlePageRead = HttpMethod.GET.equals(request.getMethod())
                && ARTICLE_PAGE.matches(request.getPath().pathWithinApplication());
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            String articleId = response.getHeaders().getFirst(ARTICLE_ID_HEADER);
            response.getHeaders().remove(ARTICLE_ID_HEADER);
            if (articlePageRead && articleId != null && !articleId.isBlank()
                    && HttpStatus.OK.equals(response.getStatusCode())) {
                // The page's beacon reads this id (PerformanceNavigationTiming.serverTiming), so its report of the
                // same view counts once; set here, per response, it works for pages served from a cache too.
                String pageviewId = pageviewIds.issue();
                response.getHeaders().add(SERVER_TIMING, "pv;desc=\"" + pageviewId + "\"");
                pageViews.record(new PageRead(pageviewId, articleId.strip(), request.getPath().value(),
                        request.getHeaders().getFirst(HttpHeaders.REFERER),
                        request.getHeaders().getFirst(HttpHeaders.USER_AGENT),
                        clientIp.of(request), staff.isStaff(request), Instant.now()));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
