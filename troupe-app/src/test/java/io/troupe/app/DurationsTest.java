package io.troupe.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void parse_goStyle() {
        assertThat(Durations.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("2m3s4ms")).isEqualTo(Duration.ofSeconds(123).plusMillis(4));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("7ns")).isEqualTo(Duration.ofNanos(7));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_rejectsNonsense() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("no unit");
        assertThatThrownBy(() -> Durations.parse("5x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Durations.parse("s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("0.5ns")).hasMessageContaining("finer than a nanosecond");
    }

    @Test
    void format_roundTrips() {
        for (String text : new String[] {"100ms", "5s", "1h30m", "1.5s", "90s", "250us", "7ns", "1h0.25s"}) {
            Duration d = Durations.parse(text);
            assertThat(Durations.parse(Durations.format(d))).as(text).isEqualTo(d);
        }
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
