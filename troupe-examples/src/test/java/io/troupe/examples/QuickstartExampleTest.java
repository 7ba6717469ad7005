package io.troupe.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartExampleTest {
    @Test
    void quickstart_answersPong() {
        assertThat(QuickstartExample.run()).isEqualTo("pong");
    }
}
