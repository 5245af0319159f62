package ir.sarkhat.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import ir.sarkhat.analytics.ingest.PageViewIngest;
import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.SiteHosts;
import ir.sarkhat.analytics.rollup.DroppedHit;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch contract with the error handler: a poison record is reported at its index after the records before it
 * are applied; any failure while applying is reported at index 0, so the whole (idempotent) batch comes back.
 */
class PageViewsListenerTest {

    private final PageViewIngest ingest = mock(PageViewIngest.class);
    private final ArticleStatsRefresher stats = mock(ArticleStatsRefresher.class);
    private final PageViewsListener listener = new PageViewsListener(ingest, stats, JsonMapper.builder().build(),
            new SiteHosts(List.of("sarkhat.ir")));

    @BeforeEach
    void touchedAreTheViewedArticles() {
        when(ingest.apply(anyList(), anyList())).thenAnswer(call -> {
            List<PageView> views = call.getArgument(0);
            Set<String> touched = new LinkedHashSet<>();
            views.forEach(v -> touched.add(v.articleId()));
            return touched;
        });
    }

    @Test
    void aBurstOfViewsIsAppliedOnceAndEachArticleRefreshedOnce() {
        listener.on(List.of(view(0, "a"), view(1, "b"), view(2, "a"), view(3, "a")));

        verify(ingest, times(1)).apply(anyList(), anyList());
        verify(stats, times(1)).refreshAll(Set.of("a", "b"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aViewKeepsItsPositionSourceAndClientButNoUserAgent() {
        listener.on(List.of(view(7, "a")));

        ArgumentCaptor<List<PageView>> stored = ArgumentCaptor.forClass(List.class);
        verify(ingest).apply(stored.capture(), anyList());
        PageView view = stored.getValue().get(0);
        assertThat(view.id()).isEqualTo("pv-7");
        assertThat(view.offset()).isEqualTo(7);
        assertThat(view.referrerHost()).isEqualTo("www.google.com");
        assertThat(view.traffic().source()).isEqualTo("google.com");
        assertThat(view.traffic().browser()).isEqualTo("Chrome");
        assertThat(view.toString()).doesNotContain("Mozilla");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aViewTheGatewayExcludedIsOnlyCountedAsDropped() {
        String robot = """
                {"pageviewId":"pv-1","articleId":"a","viewedAt":"2023-04-09T11:00:00Z","path":"/articles/x",
                 "visitorKey":"3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7","excluded":"robot"}""";
        listener.on(List.of(record(1, "a", PageViewed.TYPE, robot)));

        ArgumentCaptor<List<PageView>> views = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<List<DroppedHit>> dropped = ArgumentCaptor.forClass(List.class);
        verify(ingest).apply(views.capture(), dropped.capture());
        assertThat(views.getValue()).isEmpty();
        assertThat(dropped.getValue()).extracting(DroppedHit::reason).containsExactly("robot");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPoisonRecordIsReportedAtItsIndexAfterTheViewsBeforeItAreApplied() {
        ConsumerRecord<String, String> poison = record(1, "b", PageViewed.TYPE, "{broken");

        assertThatThrownBy(() -> listener.on(List.of(view(0, "a"), poison, view(2, "c"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class);
                });
        ArgumentCaptor<List<PageView>> applied = ArgumentCaptor.forClass(List.class);
        verify(ingest).apply(applied.capture(), anyList());
        assertThat(applied.getValue()).extracting(PageView::articleId).containsExactly("a");
        verify(stats).refreshAll(Set.of("a"));
    }

    @Test
    void aFailureWhileApplyingSendsTheWholeBatchBack() {
        when(ingest.apply(anyList(), anyList())).thenThrow(new DataAccessResourceFailureException("mongo down"));

        assertThatThrownBy(() -> listener.on(List.of(view(0, "a"), view(1, "b"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(0));
        verify(stats, never()).refreshAll(any());
    }

    @Test
    void eventTypesThisServiceDoesNotReadAreSkipped() {
        listener.on(List.of(record(0, "a", "sarkhat.page.scrolled.v9", "not for us"), view(1, "b")));

        verify(stats).refreshAll(Set.of("b"));
    }

    private static ConsumerRecord<String, String> view(int offset, String articleId) {
        String data = """
                {"pageviewId":"pv-%d","articleId":"%s","viewedAt":"2023-04-09T11:00:00Z","path":"/articles/x",
                 "referrer":"https://www.google.com/search?q=x","userAgent":"Mozilla/5.0","browser":"Chrome",
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
