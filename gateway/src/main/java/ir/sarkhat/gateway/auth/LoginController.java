package ir.sarkhat.gateway.auth;

import java.time.Duration;
import java.util.Optional;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.staff.PasswordHasher;
import ir.sarkhat.gateway.staff.StaffAccount;
import ir.sarkhat.gateway.staff.StaffAccounts;
import ir.sarkhat.gateway.staff.StaffRules;
import ir.sarkhat.gateway.token.AccessTokens;
import ir.sarkhat.gateway.token.IssuedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in, refresh and sign-out. The refresh token is what a session is; sign-out, disabling an account or resetting
 * its password revoke it, and with it the session's access tokens in every service (see {@link SessionRevocations}).
 */
@RestController
class LoginController {

    static final String REFRESH_COOKIE = "sarkhat_refresh";
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    // One message for unknown user, wrong password and disabled account: nothing to learn about which it was.
    private static final String REJECTED = "The username or password is wrong, or the account is disabled.";

    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final ClientIp clientIp;
    private final StaffCookie staffCookie;

    LoginController(StaffAccounts accounts, PasswordHasher hasher, AccessTokens tokens, RefreshTokens refreshTokens,
            LoginThrottle throttle, ClientIp clientIp, StaffCookie staffCookie) {
        this.staffCookie = staffCookie;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.clientIp = clientIp;
    }

    @PostMapping(path = "/api/auth/login", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody Mono<LoginRequest> body, ServerWebExchange exchange) {
        String ip = clientIp.of(exchange.getRequest());
        return body
                .map(LoginController::validated)
                .flatMap(request -> {
                    String username = StaffRules.normalizeUsername(request.username());
                    return throttle.checkAllowed(username, ip)
                            .then(accounts.find(username).map(Optional::of).defaultIfEmpty(Optional.empty()))
                            // bcrypt and RSA signing are CPU work: off the event loop.
                            .publishOn(Schedulers.boundedElastic())
                            .flatMap(account -> authenticate(request, account)
                                    ? throttle.recordSuccess(username).then(signedIn(account.get(), exchange))
                                    : throttle.recordFailure(username, ip)
                                            .then(Mono.error(ProblemException.unauthorized(REJECTED))));
                });
    }

    @PostMapping(path = "/api/auth/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody(required = false) Mono<RefreshRequest> body,
            ServerWebExchange exchange) {
        return presentedToken(body, exchange)
                .flatMap(refreshTokens::use)
                .flatMap(rotated -> accounts.find(rotated.username())
                        .filter(StaffAccount::enabled)
                        .switchIfEmpty(Mono.defer(() -> refreshTokens
                                .revokeFamily(rotated.username(), rotated.family())
                                .then(Mono.error(ProblemException.unauthorized(
                                        "The account is disabled or gone. Sign in again.")))))
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(account -> refreshTokens.issue(account.username(), rotated.family(),
                                        rotated.familyExpiresAt())
                                .map(refresh -> answer(tokens.issue(account.username(), account.roleNames(),
                                        rotated.family()), refresh, exchange))));
    }

    @PostMapping(path = "/api/auth/logout")
    Mono<ResponseEntity<Void>> logout(@RequestBody(required = false) Mono<RefreshRequest> body,
            ServerWebExchange exchange) {
        return presentedToken(body, exchange)
                .onErrorResume(ProblemException.class, e -> Mono.empty())
                .flatMap(refreshTokens::revokeFamilyOf)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent()
                        .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, exchange).toString(),
                                staffCookie.cleared(exchange.getRequest()).toString())
                        .<Void>build()));
    }

    private Mono<ResponseEntity<TokenResponse>> signedIn(StaffAccount account, ServerWebExchange exchange) {
        String session = RefreshTokens.newFamily();
        IssuedToken access = tokens.issue(account.username(), account.roleNames(), session);
        return refreshTokens.startFamily(account.username(), session).map(refresh -> answer(access, refresh, exchange));
    }

    private ResponseEntity<TokenResponse> answer(IssuedToken access, String refresh, ServerWebExchange exchange) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore()) // RFC 6749 §5.1: token responses are not cached
                .header(HttpHeaders.SET_COOKIE, cookie(refresh, refreshTokens.ttl(), exchange).toString(),
                        // Lives as long as the refresh token: its page views stay uncounted while the session lasts.
                        staffCookie.issue(refreshTokens.ttl(), exchange.getRequest()).toString())
                .body(new TokenResponse(access.value(), "Bearer", access.expiresInSeconds(), refresh,
                        refreshTokens.ttl().toSeconds()));
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only to the auth endpoints. */
    private ResponseCookie cookie(String value, Duration maxAge, ServerWebExchange exchange) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(clientIp.secure(exchange.getRequest()))
                .sameSite("Strict")
                .path("/api/auth")
                .maxAge(maxAge)
                .build();
    }

    /** The body's refresh token, else the cookie's; 401 when neither is there. */
    private static Mono<String> presentedToken(Mono<RefreshRequest> body, ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(REFRESH_COOKIE);
        Mono<String> fromCookie = cookie == null || cookie.getValue().isBlank()
                ? Mono.error(ProblemException.unauthorized("A refresh token is required (body or cookie)."))
                : Mono.just(cookie.getValue());
        return body.mapNotNull(RefreshRequest::refreshToken).filter(t -> !t.isBlank()).switchIfEmpty(fromCookie);
    }

    private boolean authenticate(LoginRequest request, Optional<StaffAccount> found) {
        String hash = found.map(StaffAccount::passwordHash).orElse(null);
        boolean passwordOk = hasher.matches(request.password(), hash);
        if (!passwordOk || !found.get().enabled()) {
            log.info("Rejected login for '{}'", printable(StaffRules.normalizeUsername(request.username())));
            return false;
        }
        return true;
    }

    /** The username comes from the caller: no control characters or endless strings in the log. */
    private static String printable(String username) {
        String cleaned = username.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }

    private static LoginRequest validated(LoginRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw ProblemException.badRequest("username is required.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw ProblemException.badRequest("password is required.");
        }
        return request;
    }
}
