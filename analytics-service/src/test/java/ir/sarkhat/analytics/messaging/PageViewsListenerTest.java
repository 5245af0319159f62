package ir.sarkhat.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.PageViewLog;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch contract with the error handler: records before the failing index are committed and
 * never come back, so their articles must be recounted first, and the index must be the right one.
 */
class PageViewsListenerTest {

    private final PageViewLog pageViews = mock(PageViewLog.class);
    private final ArticleStatsRefresher stats = mock(ArticleStatsRefresher.class);
    private final PageViewsListener listener = new PageViewsListener(pageViews, stats, JsonMapper.builder().build());

    @Test
    void aBurstOfViewsRecountsEachArticleOnce() {
        listener.on(List.of(view(0, "a"), view(1, "b"), view(2, "a"), view(3, "a")));

        verify(pageViews, times(4)).record(any());
        verify(stats, times(1)).refresh("a");
        verify(stats, times(1)).refresh("b");
    }

    @Test
    void storesTheViewUnderItsPageviewIdWithoutUserAgent() {
        listener.on(List.of(view(0, "a")));

        ArgumentCaptor<PageView> stored = ArgumentCaptor.forClass(PageView.class);
        verify(pageViews).record(stored.capture());
        assertThat(stored.getValue().id()).isEqualTo("pv-0");
        assertThat(stored.getValue().referrerHost()).isEqualTo("www.google.com");
        assertThat(stored.getValue().toString()).doesNotContain("Mozilla");
    }

    @Test
    void aPoisonRecordIsReportedAtItsIndexAfterTheViewsBeforeItAreCounted() {
        ConsumerRecord<String, String> poison = record(1, "b", PageViewed.TYPE, "{broken");

        assertThatThrownBy(() -> listener.on(List.of(view(0, "a"), poison, view(2, "c"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class);
                });
        verify(stats).refresh("a");
        verify(stats, never()).refresh("c");
    }

    @Test
    void aFailedRecountIsReportedAtTheFirstRecordOfItsArticle() {
        doThrow(new DataAccessResourceFailureException("mongo down")).when(stats).refresh("b");

        assertThatThrownBy(() -> listener.on(List.of(view(0, "a"), view(1, "b"), view(2, "a"), view(3, "b"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        InOrder order = inOrder(stats);
        order.verify(stats).refresh("a");
        order.verify(stats).refresh("b");
    }

    @Test
    void eventTypesThisServiceDoesNotReadAreSkipped() {
        listener.on(List.of(record(0, "a", "sarkhat.page.scrolled.v9", "not for us"), view(1, "b")));

        verify(pageViews, times(1)).record(any());
        verify(stats, never()).refresh("a");
        verify(stats).refresh("b");
    }

    private static ConsumerRecord<String, String> view(int offset, String articleId) {
        String data = """
                {"pageviewId":"pv-%d","articleId":"%s","viewedAt":"2023-04-09T11:00:00Z","path":"/articles/x",
                 "referrer":"https://www.google.com/search?q=x","userAgent":"Mozilla/5.0",
                 "visitorKey":"3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7"}""".formatted(offset, articleId);
        return record(offset, articleId, PageViewed.TYPE, data);
    }

    private static ConsumerRecord<String, String> record(int offset, String key, String type, String data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("page-views", 0, offset, key, data);
        record.headers().add("ce_id", ("pv-" + offset).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
