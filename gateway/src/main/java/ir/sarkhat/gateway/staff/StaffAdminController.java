package ir.sarkhat.gateway.staff;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.gateway.auth.SessionRevocation;
import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.token.AccessTokens;
import ir.sarkhat.gateway.token.StaffPrincipal;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Staff management for admins. The gateway checks the token itself: these endpoints are not behind a service.
 * Bodies are Monos, read only after the token check: an anonymous caller learns nothing from a 400.
 * An admin cannot disable themself or take away their own ADMIN role, so the last admin cannot lock everyone out.
 * Disabling an account or resetting its password ends its sessions: its refresh tokens, and its access tokens in the
 * gateway and every service within seconds.
 */
@RestController
class StaffAdminController {

    private static final String AUTH = HttpHeaders.AUTHORIZATION;

    private final AccessTokens tokens;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final SessionRevocation sessions;

    StaffAdminController(AccessTokens tokens, StaffAccounts accounts, PasswordHasher hasher, SessionRevocation sessions) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/admin/staff", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<StaffView> list(@RequestHeader(name = AUTH, required = false) String authorization) {
        admin(authorization, "Listing staff accounts");
        return accounts.all().map(StaffView::of);
    }

    @PostMapping(path = "/api/admin/staff", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<StaffCreated>> create(@RequestHeader(name = AUTH, required = false) String authorization,
            @RequestBody Mono<CreateStaffRequest> body) {
        admin(authorization, "Creating staff accounts");
        return body
                .map(request -> new Valid(StaffRules.validUsername(request.username()),
                        StaffRules.validPassword(request.password()), StaffRules.validRoles(request.roles())))
                .flatMap(valid -> hashed(valid.password())
                        .map(hash -> new StaffAccount(valid.username(), hash, valid.roles(), true, Instant.now())))
                .flatMap(account -> accounts.insert(account).map(inserted -> {
                    if (!inserted) {
                        throw ProblemException.conflict("A staff account named '" + account.username() + "' exists.");
                    }
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .body(new StaffCreated(account.username(), account.roleNames()));
                }));
    }

    @PutMapping(path = "/api/admin/staff/{username}/roles", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StaffView> roles(@RequestHeader(name = AUTH, required = false) String authorization,
            @PathVariable String username, @RequestBody Mono<StaffChanges.Roles> body) {
        StaffPrincipal caller = admin(authorization, "Changing roles");
        return body.flatMap(change -> {
            List<Role> roles = StaffRules.validRoles(change.roles());
            String target = StaffRules.normalizeUsername(username);
            if (target.equals(caller.username()) && !roles.contains(Role.ADMIN)) {
                return Mono.error(ProblemException.conflict("You cannot take away your own ADMIN role."));
            }
            return existing(accounts.update(target,
                    new Update().set("roles", roles.stream().map(Role::name).toList())), target);
        }).map(StaffView::of);
    }

    @PutMapping(path = "/api/admin/staff/{username}/enabled", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StaffView> enabled(@RequestHeader(name = AUTH, required = false) String authorization,
            @PathVariable String username, @RequestBody Mono<StaffChanges.Enabled> body) {
        StaffPrincipal caller = admin(authorization, "Enabling or disabling accounts");
        return body.flatMap(change -> {
            if (change.enabled() == null) {
                return Mono.error(ProblemException.badRequest("enabled is required: true or false."));
            }
            String target = StaffRules.normalizeUsername(username);
            if (target.equals(caller.username()) && !change.enabled()) {
                return Mono.error(ProblemException.conflict("You cannot disable your own account."));
            }
            Mono<StaffAccount> updated = existing(accounts.update(target, new Update().set("enabled", change.enabled())),
                    target);
            return change.enabled() ? updated : updated.flatMap(a -> sessions.endAll(a.username()).thenReturn(a));
        }).map(StaffView::of);
    }

    @PutMapping(path = "/api/admin/staff/{username}/password")
    Mono<ResponseEntity<Void>> password(@RequestHeader(name = AUTH, required = false) String authorization,
            @PathVariable String username, @RequestBody Mono<StaffChanges.Password> body) {
        admin(authorization, "Resetting passwords");
        String target = StaffRules.normalizeUsername(username);
        return body
                .map(change -> StaffRules.validPassword(change.password()))
                .flatMap(this::hashed)
                .flatMap(hash -> existing(accounts.update(target, new Update().set("passwordHash", hash)), target))
                .flatMap(account -> sessions.endAll(account.username()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private StaffPrincipal admin(String authorization, String action) {
        return tokens.requireRole(authorization, Role.ADMIN.name(), action);
    }

    private Mono<String> hashed(String password) {
        return Mono.fromCallable(() -> hasher.hash(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<StaffAccount> existing(Mono<StaffAccount> update, String username) {
        return update.switchIfEmpty(Mono.error(new ProblemException(HttpStatus.NOT_FOUND,
                "There is no staff account named '" + username + "'.")));
    }

    private record Valid(String username, String password, List<Role> roles) {
    }
}
