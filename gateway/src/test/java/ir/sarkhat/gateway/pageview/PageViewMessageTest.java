package ir.sarkhat.gateway.pageview;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import ir.sarkhat.kit.test.EventContracts;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageViewMessageTest {

    @Test
    void theValueSatisfiesTheContractAndTheHeadersAreCloudEventsBinaryMode() {
        String id = UUID.randomUUID().toString();
        PageViewMessage message = PageViewMessage.of(new PageViewed(id, "6650f1c2a1b2c3d4e5f60718",
                "2023-04-09T11:00:00Z", "/articles/%D9%BE", null, "3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7", "server", "Firefox",
                "Linux", "Desktop", null));

        EventContracts.assertValid("page-viewed.v1.schema.json", message.json());

        ProducerRecord<String, String> record = message.toProducerRecord("page-views");
        assertThat(record.topic()).isEqualTo("page-views");
        assertThat(record.key()).isEqualTo("6650f1c2a1b2c3d4e5f60718");
        assertThat(record.value()).isEqualTo(message.json()).contains("\"referrer\":null");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(header(record, "ce_source")).isEqualTo("/sarkhat/gateway");
        assertThat(header(record, "ce_type")).isEqualTo("sarkhat.page.viewed.v1");
        assertThat(header(record, "ce_time")).isEqualTo("2023-04-09T11:00:00Z");
        assertThat(header(record, "ce_subject")).isEqualTo("6650f1c2a1b2c3d4e5f60718");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
    }

    @Test
    void theValidatorReallyRejectsABadEvent() {
        assertThatThrownBy(() -> EventContracts.assertValid("page-viewed.v1.schema.json",
                "{\"pageviewId\":\"not-a-uuid\",\"articleId\":\"a\",\"viewedAt\":\"yesterday\",\"path\":\"/\","
                        + "\"visitorKey\":\"XYZ\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("pageviewId").hasMessageContaining("viewedAt").hasMessageContaining("visitorKey");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
