package ir.sarkhat.comment.comments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.bson.types.ObjectId;

import ir.sarkhat.kit.problem.ApiProblem;

/** The opaque paging cursor: base64url of the last shown comment's creation time (ms) and id. */
record CommentCursor(Instant createdAt, String id) {

    static CommentCursor of(Comment last) {
        return new CommentCursor(last.createdAt(), last.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static CommentCursor parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split(":", 2);
            if (parts.length == 2 && ObjectId.isValid(parts[1])) {
                return new CommentCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ApiProblem.badRequest("cursor: is not a cursor this service gave out. Start again without it.");
    }
}
