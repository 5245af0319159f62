package ir.sarkhat.article.articles.web;

import org.springframework.http.HttpStatus;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Strong ETags for articles: the article's version in quotes. If-Match names the version an editor
 * loaded; a weak or unknown tag can never match a strong one, so it fails as stale (412).
 */
public final class ETags {

    /** A version no article has, for tags that cannot match. */
    private static final long NEVER = -1;

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** A strong tag for a representation that is more than one article's version (the public view). */
    public static String ofContent(byte[] representation) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For updates that must name a version: missing → 428; {@code *} → null (any version). */
    static Long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "Send the ETag you got with the article in the If-Match header, so a newer save by someone else is not overwritten.");
        }
        return optional(ifMatch);
    }

    /** For state changes, where the check is optional: null when absent or {@code *}. */
    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.split(",")[0].strip();
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NEVER;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return NEVER;
        }
    }
}
