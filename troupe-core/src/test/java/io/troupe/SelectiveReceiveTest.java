package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Receiving by type and by predicate; skipped messages keep their order for later receives. */
class SelectiveReceiveTest extends RuntimeTestSupport {

    record Marker(int n) {}
    record Done() {}

    static List<Object> drain(int count) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(expectAny());
        return out;
    }

    @Test
    void receiveByTypeTakesTheOldestOfThatTypeAndKeepsTheRestInOrder() {
        List<Object> result = call(() -> {
            Pid self = Troupe.self();
            for (Object m : List.of("a", 1, "b", new Marker(1), 2, "c", new Marker(2))) Troupe.send(self, m);
            List<Object> got = new ArrayList<>();
            got.add(Troupe.receive(Marker.class));
            got.add(Troupe.receive(Integer.class));
            got.add(Troupe.receive(Marker.class));
            got.addAll(drain(4));
            assertThat(Troupe.receive(Duration.ZERO)).isNull();
            return got;
        });
        assertThat(result).containsExactly(new Marker(1), 1, new Marker(2), "a", "b", 2, "c");
    }

    @Test
    void receiveByPredicateKeepsTheOrderOfSkippedMessages() {
        List<Object> result = call(() -> {
            Pid self = Troupe.self();
            IntStream.rangeClosed(1, 10).forEach(i -> Troupe.send(self, i));
            List<Object> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) got.add(Troupe.receive(m -> (Integer) m % 3 == 0));
            got.addAll(drain(7));
            return got;
        });
        assertThat(result).containsExactly(3, 6, 9, 1, 2, 4, 5, 7, 8, 10);
    }

    @Test
    void selectiveReceiveWaitsForAMatchWhileOtherMessagesArrive() {
        List<Object> result = call(() -> {
            Pid self = Troupe.self();
            Troupe.spawn(() -> {
                for (int i = 1; i <= 1000; i++) Troupe.send(self, i);
                Troupe.send(self, new Done());
                for (int i = 1001; i <= 1010; i++) Troupe.send(self, i);
            });
            List<Object> got = new ArrayList<>();
            got.add(Troupe.receive(Done.class, PATIENCE));
            got.addAll(drain(1010));
            return got;
        });
        assertThat(result.getFirst()).isEqualTo(new Done());
        assertThat(result.subList(1, result.size()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 1010).boxed().toList());
    }

    @Test
    void selectiveReceiveThatTimesOutLeavesEverythingInPlace() {
        List<Object> result = call(() -> {
            Pid self = Troupe.self();
            Troupe.send(self, "x");
            Troupe.send(self, "y");
            long start = System.nanoTime();
            assertThat(Troupe.receive(Done.class, Duration.ofMillis(50))).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(Troupe.receive(m -> m.equals("nope"), Duration.ZERO)).isNull();
            Troupe.send(self, "z");
            return drain(3);
        });
        assertThat(result).containsExactly("x", "y", "z");
    }

    @Test
    void interleavedSelectiveReceivesSeeArrivalOrderWithinEachKind() {
        List<Object> result = call(() -> {
            Pid self = Troupe.self();
            for (int i = 0; i < 5; i++) {
                Troupe.send(self, "s" + i);
                Troupe.send(self, i);
            }
            List<Object> got = new ArrayList<>();
            got.add(Troupe.receive(Integer.class));  // 0, skipping s0
            got.add(Troupe.receive(String.class));   // s0 from the stash
            got.add(Troupe.receive(Integer.class));  // 1, skipping s1
            got.add(Troupe.receive(Integer.class));  // 2, skipping s2
            got.add(Troupe.receive(String.class));   // s1
            got.addAll(drain(5));                    // s2, s3, 3, s4, 4
            return got;
        });
        assertThat(result).containsExactly(0, "s0", 1, 2, "s1", "s2", "s3", 3, "s4", 4);
    }

    @Test
    void receiveOfATypeReturnsItTyped() {
        Marker marker = call(() -> {
            Troupe.send(Troupe.self(), new Marker(7));
            return Troupe.receive(Marker.class);
        });
        assertThat(marker.n()).isEqualTo(7);
    }
}
