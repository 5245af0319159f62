package ir.sarkhat.analytics.beacon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What beacon.js posts: {@code type} "pageview" (with the page URL, referrer, screen width and any explicit UTM
 * values) or "engagement" (visible time so far). Every field is untrusted text from a browser.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BeaconEvent(String type, String pageviewId, String url, String referrer,
        @JsonProperty("utm_source") String utmSource, @JsonProperty("utm_medium") String utmMedium,
        @JsonProperty("utm_campaign") String utmCampaign, Integer screenWidth, Long engagedMs) {
}
