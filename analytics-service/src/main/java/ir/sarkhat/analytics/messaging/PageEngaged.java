package ir.sarkhat.analytics.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.page.engaged.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PageEngaged(String pageviewId, String articleId, Long engagedMs) {

    static final String TYPE = "sarkhat.page.engaged.v1";
}
