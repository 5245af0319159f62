package ir.sarkhat.gateway.staff;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.token.AccessTokens;
import ir.sarkhat.gateway.token.StaffPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Staff management for admins. The gateway checks the token itself: these endpoints are not behind a service. */
@RestController
class StaffAdminController {

    private final AccessTokens tokens;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;

    StaffAdminController(AccessTokens tokens, StaffAccounts accounts, PasswordHasher hasher) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.hasher = hasher;
    }

    // The body is a Mono so it is read only after the token check: an anonymous caller learns nothing from a 400.
    @PostMapping(path = "/api/admin/staff", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<StaffCreated>> create(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody Mono<CreateStaffRequest> body) {
        StaffPrincipal caller = tokens.verify(authorization);
        if (!caller.hasRole(Role.ADMIN.name())) {
            return Mono.error(ProblemException.forbidden("Creating staff accounts needs the ADMIN role."));
        }
        return body
                .map(request -> new Valid(StaffRules.validUsername(request.username()),
                        StaffRules.validPassword(request.password()), StaffRules.validRoles(request.roles())))
                .flatMap(valid -> Mono.fromCallable(() -> hasher.hash(valid.password()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(hash -> new StaffAccount(valid.username(), hash, valid.roles(), true, Instant.now())))
                .flatMap(account -> accounts.insert(account).map(inserted -> {
                    if (!inserted) {
                        throw ProblemException.conflict("A staff account named '" + account.username() + "' exists.");
                    }
                    return ResponseEntity.status(HttpStatus.CREATED)
                            .body(new StaffCreated(account.username(), account.roleNames()));
                }));
    }

    private record Valid(String username, String password, List<Role> roles) {
    }
}
