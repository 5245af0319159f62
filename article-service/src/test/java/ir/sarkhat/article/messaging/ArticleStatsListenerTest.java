package ir.sarkhat.article.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.StatsUpdate;
import ir.sarkhat.kit.events.PoisonEventException;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

class ArticleStatsListenerTest {

    private final ArticleStatsStore store = mock(ArticleStatsStore.class);
    private final ArticleStatsListener listener = new ArticleStatsListener(store, JsonMapper.builder().build());

    @Test
    void theContractsExampleIsApplied() {
        listener.on(record(ArticleStatsListener.STATS_UPDATED,
                EventContracts.examples("article-stats-updated.v1.schema.json").get(0)));

        verify(store).apply(new StatsUpdate("6650f1c2a1b2c3d4e5f60718", 39, 2, 41));
    }

    @Test
    void otherEventTypesOnTheTopicAreIgnored() {
        listener.on(record("sarkhat.article.something-new.v1", "not even json"));

        verifyNoInteractions(store);
    }

    @Test
    void unreadableOrIncompleteDataIsPoison() {
        assertThatThrownBy(() -> listener.on(record(ArticleStatsListener.STATS_UPDATED, "not json")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(ArticleStatsListener.STATS_UPDATED,
                "{\"articleId\":\"a1\",\"views\":3,\"comments\":1}")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(ArticleStatsListener.STATS_UPDATED,
                "{\"articleId\":\"a1\",\"views\":\"many\",\"comments\":1,\"version\":2}")))
                .isInstanceOf(PoisonEventException.class);
        verifyNoInteractions(store);
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("article-stats", 0, 0L, "a1", value);
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
