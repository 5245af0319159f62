package ir.sarkhat.analytics.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/analytics/query}, shaped like Plausible's Stats API v2: {@code metrics}, {@code date_range}
 * ("realtime", "24h", "7d", "30d" or ["yyyy-MM-dd", "yyyy-MM-dd"]), at most one of {@code dimensions},
 * {@code filters} as {@code ["is", dimension, [values]]}, {@code pagination} {limit, offset}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatsQuery(List<String> metrics, @JsonProperty("date_range") Object dateRange, List<String> dimensions,
        List<List<Object>> filters, Pagination pagination) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(Integer limit, Integer offset) {
    }
}
