package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of sarkhat.page.viewed.v1 this service reads. The path and user agent are not read at all: the
 * gateway sends the client classes it derived ({@code browser}, {@code os}, {@code device}) instead. {@code url},
 * {@code utm*}, {@code ref} and {@code screenWidth} come with beacon views; {@code excluded} names why the gateway
 * judged a view not to count (a robot, a staff member).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PageViewed(String pageviewId, String articleId, Instant viewedAt, String referrer, String visitorKey,
        String origin, String url, String utmSource, String utmMedium, String utmCampaign, String ref,
        Integer screenWidth, String browser, String os, String device, String excluded) {

    static final String TYPE = "sarkhat.page.viewed.v1";
}
