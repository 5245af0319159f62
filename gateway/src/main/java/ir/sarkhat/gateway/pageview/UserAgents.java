package ir.sarkhat.gateway.pageview;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Classifies user agents with yauaa, loading only the four fields used, and remembers the answers in a Caffeine
 * cache (a few hundred distinct agents make most of the traffic). Robots, crawlers, cloud tools and headless
 * browsers are excluded; so is a request without a user agent.
 */
@Component
class UserAgents {

    private static final int MAX_LENGTH = 1024;

    private final UserAgentAnalyzer analyzer = UserAgentAnalyzer.newBuilder()
            .withFields(UserAgent.AGENT_CLASS, UserAgent.AGENT_NAME, UserAgent.OPERATING_SYSTEM_NAME,
                    UserAgent.DEVICE_CLASS)
            .withoutCache()
            .hideMatcherLoadStats()
            .dropTests()
            .immediateInitialization()
            .build();
    private final Cache<String, Client> cache = Caffeine.newBuilder().maximumSize(20_000).build();

    Client classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Client(null, null, null, "robot");
        }
        String bounded = userAgent.length() <= MAX_LENGTH ? userAgent : userAgent.substring(0, MAX_LENGTH);
        return cache.get(bounded, this::parse);
    }

    private Client parse(String userAgent) {
        UserAgent parsed = analyzer.parse(userAgent);
        String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
        String name = parsed.getValue(UserAgent.AGENT_NAME);
        Client client = new Client(known(name), known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME)),
                device(parsed.getValue(UserAgent.DEVICE_CLASS)), null);
        String lowerAgent = userAgent.toLowerCase(Locale.ROOT);
        if (lowerAgent.contains("headless") || lowerAgent.contains("phantomjs") || lowerAgent.contains("puppeteer")
                || name != null && name.toLowerCase(Locale.ROOT).contains("headless")) {
            return client.excludedAs("headless");
        }
        if (agentClass != null && (agentClass.startsWith("Robot") || agentClass.startsWith("Cloud")
                || agentClass.equals("Special") || agentClass.equals("Hacker"))) {
            return client.excludedAs("robot");
        }
        return client;
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("Unknown") || value.equals("??") ? null : value;
    }

    /** Plausible's device names: yauaa's Phone is Mobile. */
    private static String device(String deviceClass) {
        if (deviceClass == null) {
            return null;
        }
        return switch (deviceClass) {
            case "Phone", "Mobile" -> "Mobile";
            case "Tablet" -> "Tablet";
            case "Desktop" -> "Desktop";
            default -> null;
        };
    }
}
