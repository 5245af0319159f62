package ir.sarkhat.article.comments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts comments in reading order: oldest first, each followed by its replies (oldest first), indented
 * by their place in the thread up to 5. A reply whose parent is not public (held, trashed, deleted)
 * is shown as a top-level comment rather than hidden.
 */
final class CommentThread {

    static final int MAX_INDENT = 5;
    private static final Comparator<PublicComment> OLDEST_FIRST = Comparator
            .comparing(PublicComment::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PublicComment::id);

    private CommentThread() {
    }

    /** Each comment once, with its indent. */
    static List<Placed> order(List<PublicComment> comments) {
        List<PublicComment> sorted = comments.stream().sorted(OLDEST_FIRST).toList();
        Map<String, PublicComment> byId = new LinkedHashMap<>();
        sorted.forEach(c -> byId.put(c.id(), c));
        Map<String, List<PublicComment>> replies = new LinkedHashMap<>();
        List<PublicComment> roots = new ArrayList<>();
        for (PublicComment comment : sorted) {
            if (comment.parentId() != null && !comment.parentId().equals(comment.id())
                    && byId.containsKey(comment.parentId())) {
                replies.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
            } else {
                roots.add(comment);
            }
        }
        List<Placed> placed = new ArrayList<>(sorted.size());
        Set<String> seen = new HashSet<>();
        roots.forEach(root -> place(root, 0, replies, seen, placed));
        // Comments in a parent cycle (never produced by comment-service) are still shown, once.
        sorted.stream().filter(c -> !seen.contains(c.id())).forEach(c -> place(c, 0, replies, seen, placed));
        return placed;
    }

    private static void place(PublicComment comment, int level, Map<String, List<PublicComment>> replies,
            Set<String> seen, List<Placed> placed) {
        if (!seen.add(comment.id())) {
            return;
        }
        placed.add(new Placed(comment, Math.min(level, MAX_INDENT)));
        for (PublicComment reply : replies.getOrDefault(comment.id(), List.of())) {
            place(reply, level + 1, replies, seen, placed);
        }
    }

    record Placed(PublicComment comment, int indent) {
    }
}
