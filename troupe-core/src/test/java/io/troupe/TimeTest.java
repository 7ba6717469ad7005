package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** WP-5: timers and tickers as channels. */
class TimeTest {

    @Test
    void after_firesOnceAfterTheDelay() {
        long start = System.nanoTime();
        Source<Instant> after = Time.after(Duration.ofMillis(50));
        assertThat(after.receive()).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(after.receive(Duration.ofMillis(100))).isNull();
    }

    @Test
    void ticker_firesAboutTenTimesInASecond_thenStops() {
        Ticker ticker = Time.ticker(Duration.ofMillis(100));
        long end = System.nanoTime() + Duration.ofMillis(1050).toNanos();
        List<Instant> ticks = new ArrayList<>();
        while (System.nanoTime() < end && ticks.size() < 20) {
            Instant tick = ticker.channel().receive(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (tick != null) ticks.add(tick);
        }
        ticker.stop();
        assertThat(ticks.size()).isBetween(8, 11);
        ticker.channel().tryReceive(); // a tick may have been buffered just before stop
        assertThat(ticker.channel().receive(Duration.ofMillis(250))).isNull();
    }

    @Test
    void reset_postponesTheFiring() {
        long start = System.nanoTime();
        Timer timer = Time.timer(Duration.ofMillis(100));
        timer.reset(Duration.ofMillis(300));
        assertThat(timer.channel().receive()).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void stop_preventsTheFiring() {
        Timer timer = Time.timer(Duration.ofMillis(50));
        assertThat(timer.stop()).isTrue();
        assertThat(timer.channel().receive(Duration.ofMillis(150))).isNull();
    }
}
