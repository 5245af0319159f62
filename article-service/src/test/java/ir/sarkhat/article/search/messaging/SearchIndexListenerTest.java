package ir.sarkhat.article.search.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ir.sarkhat.article.search.SearchIndexing;
import ir.sarkhat.kit.events.PoisonEventException;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

class SearchIndexListenerTest {

    private static final String EXAMPLE_ID = "6650f1c2a1b2c3d4e5f60718";

    private final SearchIndexing indexing = mock(SearchIndexing.class);
    private final SearchIndexListener listener = new SearchIndexListener(indexing, JsonMapper.builder().build());

    @Test
    void publishedAndUpdatedReindexTheArticleFromItsCurrentState() {
        listener.on(record(SearchIndexListener.PUBLISHED, example("article-published.v1.schema.json")));
        listener.on(record(SearchIndexListener.UPDATED, example("article-updated.v1.schema.json")));

        verify(indexing, times(2)).reindex(EXAMPLE_ID);
    }

    @Test
    void unpublishedRemovesTheArticle() {
        listener.on(record(SearchIndexListener.UNPUBLISHED, example("article-unpublished.v1.schema.json")));

        verify(indexing).remove(EXAMPLE_ID);
    }

    @Test
    void otherEventTypesAreIgnored() {
        listener.on(record("sarkhat.article.something-new.v1", "not even json"));

        verifyNoInteractions(indexing);
    }

    @Test
    void unreadableDataOrNoArticleIdIsPoison() {
        assertThatThrownBy(() -> listener.on(record(SearchIndexListener.PUBLISHED, "not json")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(SearchIndexListener.UNPUBLISHED, "{\"slug\":\"x\"}")))
                .isInstanceOf(PoisonEventException.class);
        verifyNoInteractions(indexing);
    }

    private static String example(String schema) {
        return EventContracts.examples(schema).get(0);
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("article-events", 0, 0L, EXAMPLE_ID, value);
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
