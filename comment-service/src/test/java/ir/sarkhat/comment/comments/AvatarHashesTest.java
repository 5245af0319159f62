package ir.sarkhat.comment.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

import ir.sarkhat.kit.test.EmbeddedMongo;

class AvatarHashesTest {

    @Test
    void sameEmailGivesTheSameHashWhateverItsCase() {
        AvatarHashes avatars = new AvatarHashes("salt");
        assertThat(avatars.of("Reader@Example.com")).isEqualTo(avatars.of(" reader@example.com"));
    }

    @Test
    void isSha256OfSaltAndLowercasedEmail() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest("saltreader@example.com".getBytes(StandardCharsets.UTF_8));
        assertThat(new AvatarHashes("salt").of("Reader@example.com")).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void withoutTheSaltTheEmailCannotBeMatched() throws Exception {
        String hash = new AvatarHashes("secret").of("reader@example.com");
        String unsalted = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("reader@example.com".getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(unsalted).doesNotContain("reader");
        assertThat(new AvatarHashes("other").of("reader@example.com")).isNotEqualTo(hash);
    }

    @Test
    void anUnsetSaltIsGeneratedOnceAndKeptInTheDatabase() {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.uri("avatar-salt-test")),
                "avatar-salt-test");
        String first = new AvatarHashes("", mongo).of("a@b.test");
        String afterRestart = new AvatarHashes("", mongo).of("a@b.test");
        assertThat(afterRestart).isEqualTo(first);
        assertThat(first).isNotEqualTo(new AvatarHashes("other").of("a@b.test"));
    }
}
