package ir.sarkhat.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.protection.HmacSha256;

/**
 * The staff marker cookie {@code sarkhat_staff}: set at sign-in (and renewed at each refresh) so that article pages and
 * beacons a staff member opens in a plain tab — which carry no {@code Authorization} header — are not counted as
 * readers' views. Its value says only "staff until T": {@code <expiry epoch seconds>.<HMAC-SHA256(key, expiry)>}, no
 * name and no rights, so it is useless for anything but being left out of the counts. Checked without a database
 * (one HMAC) on every page view that carries it; the key is random, created once in {@code staff_cookie_keys} with an
 * insert-only upsert so every gateway instance signs and checks with the same one.
 */
@Component
public class StaffCookie implements InitializingBean {

    public static final String NAME = "sarkhat_staff";
    static final String COLLECTION = "staff_cookie_keys";

    private final ReactiveMongoTemplate mongo;
    private final ClientIp clientIp;
    private final Clock clock;
    private volatile byte[] key;

    @Autowired
    StaffCookie(ReactiveMongoTemplate mongo, ClientIp clientIp) {
        this(mongo, clientIp, Clock.systemUTC());
    }

    StaffCookie(ReactiveMongoTemplate mongo, ClientIp clientIp, Clock clock) {
        this.mongo = mongo;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        Query current = Query.query(Criteria.where("_id").is("current"));
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Update onlyOnInsert = new Update()
                .setOnInsert("key", Base64.getEncoder().encodeToString(fresh))
                .setOnInsert("createdAt", Date.from(clock.instant()));
        // Blocking once at start-up, before the server accepts requests (as the signing keys do).
        Document stored = mongo.findAndModify(current, onlyOnInsert,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findOne(current, Document.class, COLLECTION))
                .block(Duration.ofSeconds(60));
        if (stored == null) {
            throw new IllegalStateException("No staff cookie key could be read or created in " + COLLECTION);
        }
        key = Base64.getDecoder().decode(stored.getString("key"));
    }

    /** HttpOnly, Secure behind https, SameSite=Lax (sent on a plain navigation to an article), for the whole site. */
    public ResponseCookie issue(Duration lifetime, ServerHttpRequest request) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return cookie(expires + "." + sign(expires), lifetime, request);
    }

    public ResponseCookie cleared(ServerHttpRequest request) {
        return cookie("", Duration.ZERO, request);
    }

    /** A valid, unexpired marker on the request. */
    public boolean presentOn(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(NAME);
        if (cookie == null) {
            return false;
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return expires > clock.instant().getEpochSecond()
                && MessageDigest.isEqual(sign(expires).getBytes(StandardCharsets.US_ASCII),
                        value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private ResponseCookie cookie(String value, Duration maxAge, ServerHttpRequest request) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(clientIp.secure(request))
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    private String sign(long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HmacSha256.of(key, "sarkhat-staff\n" + expires));
    }
}
