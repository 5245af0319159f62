package ir.sarkhat.comment.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagesSecurityTest {

    @Test
    void aLoginOnAnotherOriginIsAllowedForFetchAndASameOriginPathAddsNothing() {
        assertThat(PagesSecurity.originOf("/api/auth/login")).isEmpty();
        assertThat(PagesSecurity.originOf("https://gateway.example.ir/api/auth/login"))
                .isEqualTo(" https://gateway.example.ir");
        assertThat(PagesSecurity.originOf("http://127.0.0.1:8080/api/auth/login")).isEqualTo(" http://127.0.0.1:8080");
    }
}
