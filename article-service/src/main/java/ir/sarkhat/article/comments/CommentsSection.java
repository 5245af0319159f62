package ir.sarkhat.article.comments;

import java.util.List;

/** The comments part of an article page: the approved comments in thread order and their count in Persian digits. */
public record CommentsSection(String count, List<CommentView> comments) {
}
