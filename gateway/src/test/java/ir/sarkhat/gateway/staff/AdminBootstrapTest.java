package ir.sarkhat.gateway.staff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import ir.sarkhat.kit.test.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminBootstrapTest {

    /** The line an operator (or local-stack) reads the generated password from. */
    static final Pattern PASSWORD_LINE = Pattern.compile("^\\| password: (\\S+) *\\|$", Pattern.MULTILINE);

    private static MongoClient client;
    private final PasswordHasher hasher = new PasswordHasher();
    private StaffAccounts accounts;
    private ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("unused"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new ReactiveMongoTemplate(client, "bootstrap-" + UUID.randomUUID());
        accounts = new StaffAccounts(mongo);
    }

    @Test
    void withoutAPasswordTheFirstStartGeneratesOneAndPrintsItOnce() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        bootstrap("admin", null, first);

        String printed = first.toString(StandardCharsets.UTF_8);
        Matcher line = PASSWORD_LINE.matcher(printed);
        assertThat(line.find()).as("password line in:%n%s", printed).isTrue();
        String password = line.group(1);
        assertThat(password).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(printed).contains("| username: admin").startsWith(System.lineSeparator() + "+---");

        StaffAccount admin = accounts.find("admin").block();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.passwordHash()).doesNotContain(password).startsWith("$2");
        assertThat(hasher.matches(password, admin.passwordHash())).isTrue();

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        bootstrap("admin", null, second);
        assertThat(second.size()).as("nothing printed on a later start").isZero();
        assertThat(accounts.find("admin").block().passwordHash()).isEqualTo(admin.passwordHash());
    }

    @Test
    void twoGeneratedPasswordsDiffer() {
        assertThat(AdminBootstrap.generatePassword()).isNotEqualTo(AdminBootstrap.generatePassword());
    }

    @Test
    void aPasswordFromTheEnvironmentCreatesTheAdminAndLaterResetsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bootstrap("Chief", "first-password-123", out);
        StaffAccount created = accounts.find("chief").block();
        assertThat(created.roles()).containsExactly(Role.ADMIN);
        assertThat(hasher.matches("first-password-123", created.passwordHash())).isTrue();

        // Someone disabled the account and took ADMIN away: the reset is the way back in.
        mongo.updateFirst(Query.query(Criteria.where("_id").is("chief")),
                new Update().set("enabled", false).set("roles", java.util.List.of("EDITOR")), "staff_accounts").block();
        bootstrap("chief", "second-password-456", out);

        StaffAccount reset = accounts.find("chief").block();
        assertThat(hasher.matches("second-password-456", reset.passwordHash())).isTrue();
        assertThat(hasher.matches("first-password-123", reset.passwordHash())).isFalse();
        assertThat(reset.enabled()).isTrue();
        assertThat(reset.roles()).contains(Role.ADMIN, Role.EDITOR);
        assertThat(reset.createdAt()).isEqualTo(created.createdAt());
        assertThat(out.size()).as("a chosen password is never printed").isZero();
    }

    @Test
    void aTooShortPasswordFromTheEnvironmentStopsTheStart() {
        assertThatThrownBy(() -> bootstrap("admin", "short", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SARKHAT_ADMIN_PASSWORD");
        assertThat(accounts.find("admin").block()).isNull();
    }

    private void bootstrap(String user, String password, ByteArrayOutputStream out) {
        new AdminBootstrap(accounts, hasher, new AdminProperties(user, password),
                new PrintStream(out, true, StandardCharsets.UTF_8)).bootstrap().block();
    }
}
