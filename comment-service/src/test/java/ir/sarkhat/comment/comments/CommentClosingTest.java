package ir.sarkhat.comment.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import ir.sarkhat.comment.articles.PublishedArticle;
import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/** {@code sarkhat.comments.close-after-days}: comments close N days after publication; 0 keeps them open. */
class CommentClosingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final CommentDraft DRAFT = new CommentDraft("مریم", "m@x.ir", null, "سلام", null, null, false,
            false, "203.0.113.9");

    @Test
    void aCommentAfterTheWindowIsRefusedWith403() {
        CommentSubmission submission = submission(7, NOW.minus(Duration.ofDays(8)));
        assertThatThrownBy(() -> submission.submit("a1", DRAFT)).isInstanceOfSatisfying(ApiProblem.class,
                p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(p.getMessage()).contains("7 days");
                });
    }

    @Test
    void aClosedReplicaIsRefusedWith403WhateverTheWindow() {
        PublishedArticles articles = mock(PublishedArticles.class);
        when(articles.require("a1")).thenReturn(new PublishedArticle("a1", "s", "t", NOW, false, NOW));
        CommentSubmission submission = new CommentSubmission(null, articles, null, null, null, null,
                Clock.fixed(NOW, ZoneOffset.UTC), properties(0));
        assertThatThrownBy(() -> submission.submit("a1", DRAFT)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void insideTheWindowOrWithTheWindowOffTheCommentIsStored() {
        assertThat(submission(7, NOW.minus(Duration.ofDays(6))).submit("a1", DRAFT).status())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(submission(0, NOW.minus(Duration.ofDays(3650))).submit("a1", DRAFT).status())
                .isEqualTo(CommentStatus.PENDING);
    }

    private static CommentSubmission submission(int closeAfterDays, Instant publishedAt) {
        PublishedArticles articles = mock(PublishedArticles.class);
        when(articles.require("a1")).thenReturn(new PublishedArticle("a1", "s", "t", publishedAt, true, publishedAt));
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.insert(any(Comment.class))).thenAnswer(call -> call.getArgument(0));
        ModerationPolicy policy = mock(ModerationPolicy.class);
        when(policy.decide(any())).thenReturn(new ModerationPolicy.Decision(CommentStatus.PENDING,
                List.of(new Hold("first-time", "نخستین"))));
        CommentEventFactory events = mock(CommentEventFactory.class);
        when(events.create(any(), any(), any())).thenReturn(
                new OutboxEvent("e1", "comment-events", "a1", "t", NOW, "{}"));
        return new CommentSubmission(mongo, articles, policy, mock(FloodGuard.class), events, mock(OutboxRelay.class),
                Clock.fixed(NOW, ZoneOffset.UTC), properties(closeAfterDays));
    }

    private static CommentsProperties properties(int closeAfterDays) {
        return new CommentsProperties(closeAfterDays, null, null, null, List.of(), null);
    }
}
