package ir.sarkhat.analytics.pageview;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The site's own hosts: a referrer on one of them is an internal click, counted as direct (Plausible does the same). */
@ConfigurationProperties("sarkhat.analytics")
public record SiteHosts(@DefaultValue("localhost") List<String> siteHosts) {

    public Set<String> hosts() {
        return siteHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
