package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.page.viewed.v1 this service reads; the path and user agent are not read at all. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PageViewed(String pageviewId, String articleId, Instant viewedAt, String referrer, String visitorKey) {

    static final String TYPE = "sarkhat.page.viewed.v1";
}
