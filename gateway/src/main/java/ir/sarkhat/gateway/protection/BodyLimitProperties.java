package ir.sarkhat.gateway.protection;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request body the gateway lets through ({@code sarkhat.gateway.body-limits.*}).
 *
 * @param defaultMax every path not listed
 * @param paths      larger (or smaller) limits by path pattern, e.g. the editor's article bodies
 */
@ConfigurationProperties("sarkhat.gateway.body-limits")
record BodyLimitProperties(@DefaultValue("1MB") DataSize defaultMax, Map<String, DataSize> paths) {

    BodyLimitProperties {
        paths = paths == null ? Map.of() : Map.copyOf(paths);
    }
}
