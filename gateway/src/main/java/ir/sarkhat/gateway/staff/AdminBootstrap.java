package ir.sarkhat.gateway.staff;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes sure someone can log in on a fresh installation, without any fixed default password:
 * <ul>
 * <li>{@code SARKHAT_ADMIN_PASSWORD} set: the admin account is created, or its password reset to that value
 * (it is also re-enabled and given ADMIN, since this is the way back in);</li>
 * <li>not set and no such account: a random password is generated and printed once to stdout;</li>
 * <li>not set and the account exists: nothing changes.</li>
 * </ul>
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24; // ~139 bits from an unambiguous 57-character alphabet
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final AdminProperties properties;
    private final PrintStream out;

    @Autowired
    AdminBootstrap(StaffAccounts accounts, PasswordHasher hasher, AdminProperties properties) {
        this(accounts, hasher, properties, System.out);
    }

    AdminBootstrap(StaffAccounts accounts, PasswordHasher hasher, AdminProperties properties, PrintStream out) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.properties = properties;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Runs once on the main thread before the application reports ready: blocking is fine here.
        bootstrap().block(Duration.ofSeconds(60));
    }

    Mono<Void> bootstrap() {
        String username;
        try {
            username = StaffRules.validUsername(properties.user());
        } catch (RuntimeException e) {
            return Mono.error(new IllegalStateException("SARKHAT_ADMIN_USER is not a valid username: " + e.getMessage()));
        }
        String password = properties.password();
        if (password != null && !password.isEmpty()) {
            return resetTo(username, password);
        }
        return accounts.find(username)
                .map(existing -> {
                    log.info("Admin account '{}' exists; its password is unchanged "
                            + "(set SARKHAT_ADMIN_PASSWORD to reset it).", username);
                    return true;
                })
                .switchIfEmpty(Mono.defer(() -> createWithGeneratedPassword(username)))
                .then();
    }

    private Mono<Void> resetTo(String username, String password) {
        try {
            StaffRules.validPassword(password);
        } catch (RuntimeException e) {
            return Mono.error(new IllegalStateException("SARKHAT_ADMIN_PASSWORD is not acceptable: " + e.getMessage()));
        }
        return Mono.fromCallable(() -> hasher.hash(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.upsertAdmin(username, hash))
                .doOnSuccess(done -> log.info("Admin account '{}' created or its password reset from "
                        + "SARKHAT_ADMIN_PASSWORD.", username));
    }

    private Mono<Boolean> createWithGeneratedPassword(String username) {
        String password = generatePassword();
        return Mono.fromCallable(() -> hasher.hash(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.insert(
                        new StaffAccount(username, hash, List.of(Role.ADMIN), true, Instant.now())))
                .doOnNext(inserted -> {
                    if (inserted) {
                        printOnce(username, password);
                    } else {
                        // Another gateway instance won the race; its password is the one that counts.
                        log.info("Admin account '{}' was just created by another instance.", username);
                    }
                });
    }

    private void printOnce(String username, String password) {
        List<String> lines = List.of(
                "Sarkhat gateway: created the first admin account.",
                "username: " + username,
                "password: " + password,
                "This password is shown only once. Log in and keep it safe,",
                "or set SARKHAT_ADMIN_PASSWORD to choose one.");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String border = "+" + "-".repeat(width + 2) + "+";
        StringBuilder box = new StringBuilder(System.lineSeparator()).append(border).append(System.lineSeparator());
        for (String line : lines) {
            box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |")
                    .append(System.lineSeparator());
        }
        box.append(border).append(System.lineSeparator());
        // Straight to stdout, not the logger: it must show whatever the log configuration is.
        out.print(box);
        out.flush();
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
