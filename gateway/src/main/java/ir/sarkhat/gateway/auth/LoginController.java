package ir.sarkhat.gateway.auth;

import java.util.Optional;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.staff.PasswordHasher;
import ir.sarkhat.gateway.staff.StaffAccount;
import ir.sarkhat.gateway.staff.StaffAccounts;
import ir.sarkhat.gateway.staff.StaffRules;
import ir.sarkhat.gateway.token.AccessTokens;
import ir.sarkhat.gateway.token.IssuedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    // One message for unknown user, wrong password and disabled account: nothing to learn about which it was.
    private static final String REJECTED = "The username or password is wrong, or the account is disabled.";

    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;

    LoginController(StaffAccounts accounts, PasswordHasher hasher, AccessTokens tokens) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/auth/login", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody Mono<LoginRequest> body) {
        return body
                .map(LoginController::validated)
                .flatMap(request -> accounts.find(StaffRules.normalizeUsername(request.username()))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        // bcrypt and RSA signing are CPU work: off the event loop.
                        .publishOn(Schedulers.boundedElastic())
                        .map(account -> authenticate(request, account)))
                .map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore()) // RFC 6749 §5.1: token responses are not cached
                        .body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds())));
    }

    private IssuedToken authenticate(LoginRequest request, Optional<StaffAccount> found) {
        String hash = found.map(StaffAccount::passwordHash).orElse(null);
        boolean passwordOk = hasher.matches(request.password(), hash);
        if (!passwordOk || !found.get().enabled()) {
            log.info("Rejected login for '{}'", printable(StaffRules.normalizeUsername(request.username())));
            throw ProblemException.unauthorized(REJECTED);
        }
        StaffAccount account = found.get();
        return tokens.issue(account.username(), account.roleNames());
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
