package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** CL-8: receive with a timeout, and the ConcurrentLua stale-timeout bug not reproduced. */
class ReceiveTimeoutTest extends RuntimeTestSupport {

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Test
    void receiveWithTimeoutOnAnEmptyMailboxReturnsNullAfterTheTimeout() {
        call(() -> {
            long start = System.nanoTime();
            Object message = Troupe.receive(Duration.ofMillis(100));
            Duration waited = since(start);
            assertThat(message).isNull();
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(2));
            return null;
        });
    }

    @Test
    void receiveWithAPendingMessageReturnsAtOnce() {
        call(() -> {
            Troupe.send(Troupe.self(), "pending");
            long start = System.nanoTime();
            assertThat(Troupe.receive(Duration.ofSeconds(5))).isEqualTo("pending");
            assertThat(since(start)).isLessThan(Duration.ofMillis(100));

            Troupe.send(Troupe.self(), "pending again");
            start = System.nanoTime();
            assertThat(Troupe.receive()).isEqualTo("pending again");
            assertThat(since(start)).isLessThan(Duration.ofMillis(100));
            return null;
        });
    }

    @Test
    void zeroTimeoutPollsWithoutWaiting() {
        call(() -> {
            long start = System.nanoTime();
            assertThat(Troupe.receive(Duration.ZERO)).isNull();
            assertThat(Troupe.receive(String.class, Duration.ZERO)).isNull();
            assertThat(since(start)).isLessThan(Duration.ofMillis(100));
            return null;
        });
    }

    @Test
    void aMessageArrivingDuringATimedReceiveWakesItEarly() {
        call(() -> {
            Pid self = Troupe.self();
            Troupe.sendAfter(Duration.ofMillis(50), self, "late");
            long start = System.nanoTime();
            assertThat(Troupe.receive(Duration.ofSeconds(30))).isEqualTo("late");
            assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
            return null;
        });
    }

    @Test
    void anEarlierTimeoutDoesNotLeakIntoTheNextReceive() {
        // ConcurrentLua bug (seed-systems §1.8): receive(timeout) that returned at once left its
        // deadline armed, and a later receive() returned nil when it passed.
        call(() -> {
            Pid self = Troupe.self();
            Troupe.send(self, "first");
            assertThat(Troupe.receive(Duration.ofMillis(100))).isEqualTo("first");
            Troupe.sendAfter(Duration.ofMillis(400), self, "second");
            long start = System.nanoTime();
            assertThat(Troupe.receive()).isEqualTo("second");
            assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            return null;
        });
    }

    @Test
    void negativeTimeoutActsAsZero() {
        call(() -> {
            assertThat(Troupe.receive(Duration.ofMillis(-5))).isNull();
            return null;
        });
    }
}
