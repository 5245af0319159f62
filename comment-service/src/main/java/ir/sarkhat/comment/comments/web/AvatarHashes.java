package ir.sarkhat.comment.comments.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public identity of a commenter: hex SHA-256 of a server-side salt and the lowercased email.
 * Stable for one email, so readers can tell who wrote what; unlike Gravatar's plain MD5 of the email,
 * it cannot be reversed by hashing guessed addresses without the salt.
 */
@Component
class AvatarHashes {

    private static final Logger log = LoggerFactory.getLogger(AvatarHashes.class);

    private final byte[] salt;

    AvatarHashes(@Value("${sarkhat.comments.identity-salt:}") String salt) {
        if (salt == null || salt.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            salt = Base64.getEncoder().encodeToString(random);
            log.warn("sarkhat.comments.identity-salt is not set: using a random salt, so commenters' avatars "
                    + "change whenever this service restarts and differ between instances.");
        }
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    String of(String email) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
