package ir.sarkhat.comment.bans;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import ir.sarkhat.kit.problem.ApiProblem;

/** Moderators ban and unban; submission asks whether a sender is banned. */
@Service
public class Bans implements InitializingBean {

    static final Duration MAX_TTL = Duration.ofDays(3650);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final MongoTemplate mongo;
    private final Clock clock;

    Bans(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        // Expired bans are already ignored by the queries; the TTL index only keeps the collection small.
        mongo.indexOps(Ban.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expires"));
        mongo.indexOps(Ban.COLLECTION).createIndex(new Index().on("email", Sort.Direction.ASC).named("email"));
        mongo.indexOps(Ban.COLLECTION).createIndex(new Index().on("ip", Sort.Direction.ASC).named("ip"));
    }

    /** @param ttl an ISO-8601 duration ({@code P7D}, {@code PT12H}) or a whole number of days */
    public Ban ban(String email, String ip, String ttl, String reason, String moderator) {
        String normalizedEmail = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        String normalizedIp = ip == null || ip.isBlank() ? null : normalizeIp(ip.strip());
        if (normalizedEmail == null && normalizedIp == null) {
            throw ApiProblem.badRequest("email or ip: give the address to ban.");
        }
        if (normalizedEmail != null && (normalizedEmail.length() > 100 || !EMAIL.matcher(normalizedEmail).matches())) {
            throw ApiProblem.badRequest("email: must be a valid email address.");
        }
        if (reason != null && reason.length() > 500) {
            throw ApiProblem.badRequest("reason: must be at most 500 characters.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Ban ban = new Ban(new ObjectId().toHexString(), normalizedEmail, normalizedIp,
                reason == null || reason.isBlank() ? null : reason.strip(), moderator, now, now.plus(parseTtl(ttl)));
        return mongo.insert(ban);
    }

    /** Bans in force, newest first. */
    public List<Ban> active() {
        return mongo.find(query(where("expiresAt").gt(clock.instant())).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Ban.class);
    }

    public void lift(String id) {
        if (mongo.remove(query(where("_id").is(id)), Ban.class).getDeletedCount() == 0) {
            throw ApiProblem.notFound("There is no ban with this id.");
        }
    }

    /** The ban in force on this email or IP, if any. */
    public Optional<Ban> banOf(String email, String ip) {
        List<Criteria> who = new ArrayList<>();
        if (email != null) {
            who.add(where("email").is(email.toLowerCase(Locale.ROOT)));
        }
        String normalizedIp = ip == null ? null : normalizeIpOrNull(ip);
        if (normalizedIp != null) {
            who.add(where("ip").is(normalizedIp));
        }
        if (who.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(query(new Criteria().orOperator(who)
                .and("expiresAt").gt(clock.instant())), Ban.class));
    }

    static Duration parseTtl(String ttl) {
        if (ttl == null || ttl.isBlank()) {
            throw ApiProblem.badRequest("ttl: is required, e.g. \"P7D\" or a number of days.");
        }
        Duration duration;
        String value = ttl.strip();
        try {
            duration = value.matches("\\d{1,5}") ? Duration.ofDays(Long.parseLong(value))
                    : value.toUpperCase(Locale.ROOT).matches("P\\d+D") ? Duration.ofDays(
                            Long.parseLong(value.substring(1, value.length() - 1)))
                    : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiProblem.badRequest("ttl: must be an ISO-8601 duration such as \"P7D\" or a number of days.");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_TTL) > 0) {
            throw ApiProblem.badRequest("ttl: must be positive and at most 3650 days.");
        }
        return duration;
    }

    private static String normalizeIp(String ip) {
        String normalized = normalizeIpOrNull(ip);
        if (normalized == null) {
            throw ApiProblem.badRequest("ip: must be an IPv4 or IPv6 address.");
        }
        return normalized;
    }

    /** The canonical text of an IP literal (never a DNS lookup), or null if it is not one. */
    static String normalizeIpOrNull(String ip) {
        if (!IP_LITERAL.matcher(ip).matches() || ip.length() > 45) {
            return null;
        }
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
