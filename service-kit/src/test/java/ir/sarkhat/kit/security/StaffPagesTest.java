package ir.sarkhat.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffPagesTest {

    @Test
    void aLoginOnAnotherOriginIsAllowedForFetchAndASameOriginPathAddsNothing() {
        assertThat(StaffPages.originOf("/api/auth/login")).isEmpty();
        assertThat(StaffPages.originOf("https://gateway.example.ir/api/auth/login"))
                .isEqualTo(" https://gateway.example.ir");
        assertThat(StaffPages.originOf("http://127.0.0.1:8080/api/auth/login")).isEqualTo(" http://127.0.0.1:8080");
    }
}
