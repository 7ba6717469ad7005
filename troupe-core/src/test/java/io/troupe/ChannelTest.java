package io.troupe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Wippy's channel semantics (WP-4). */
class ChannelTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void buffered_isFifo() {
        Channel<Integer> channel = Channel.buffered(3);
        channel.send(1);
        channel.send(2);
        channel.send(3);
        assertThat(List.of(channel.receive(), channel.receive(), channel.receive())).containsExactly(1, 2, 3);
    }

    @Test
    void unbuffered_sendBlocksUntilReceived() {
        Channel<String> channel = Channel.unbuffered();
        AtomicBoolean sent = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            channel.send("x");
            sent.set(true);
        });
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).untilFalse(sent);
        assertThat(channel.receive()).isEqualTo("x");
        await().atMost(Duration.ofSeconds(2)).untilTrue(sent);
    }

    @Test
    void close_keepsBufferedValuesThenReportsClosed() {
        Channel<Integer> channel = Channel.buffered(2);
        channel.send(1);
        channel.send(2);
        channel.close();
        channel.close(); // idempotent
        assertThat(channel.receive()).isEqualTo(1);
        assertThat(channel.receive()).isEqualTo(2);
        assertThat(channel.receive()).isNull();
        Selection selection = Select.select(channel.onReceive());
        assertThat(selection.ok()).isFalse();
    }

    @Test
    void sendAfterClose_fails() {
        Channel<Integer> channel = Channel.buffered(1);
        channel.close();
        assertThatThrownBy(() -> channel.send(1)).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> channel.trySend(1)).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void closeWhileSenderWaits_failsTheSender() {
        Channel<Integer> channel = Channel.unbuffered();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                channel.send(1);
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> sender.getState() == Thread.State.WAITING);
        channel.close();
        await().atMost(Duration.ofSeconds(2)).until(() -> !failures.isEmpty());
        assertThat(failures.get(0)).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void producerConsumer_totalsTen() {
        Channel<Integer> channel = Channel.buffered(2);
        AtomicInteger total = new AtomicInteger();
        runtime.spawn(() -> {
            for (int i = 1; i <= 10; i++) channel.send(i);
            channel.close();
        });
        runtime.run(() -> {
            for (Integer value = channel.receive(); value != null; value = channel.receive()) total.incrementAndGet();
        });
        assertThat(total).hasValue(10);
    }

    @Test
    void fanOut_jobsDoubledSumTo42() {
        Channel<Integer> jobs = Channel.buffered(6);
        Channel<Integer> results = Channel.buffered(6);
        for (int w = 0; w < 3; w++) {
            runtime.spawn(() -> {
                for (Integer job = jobs.receive(); job != null; job = jobs.receive()) results.send(job * 2);
            });
        }
        for (int job = 1; job <= 6; job++) jobs.send(job);
        jobs.close();
        int sum = 0;
        for (int i = 0; i < 6; i++) sum += results.receive();
        assertThat(sum).isEqualTo(42);
    }

    @Test
    void fanIn_fourProducersFiveItemsEach() {
        Channel<String> channel = Channel.unbuffered();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            runtime.spawn(() -> {
                for (int i = 0; i < 5; i++) channel.send(producer + ":" + i);
            });
        }
        ConcurrentHashMap<String, List<Integer>> byProducer = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            String[] item = channel.receive().split(":");
            byProducer.computeIfAbsent(item[0], k -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(item[1]));
        }
        assertThat(byProducer).hasSize(4);
        byProducer.values().forEach(items -> assertThat(items).containsExactly(0, 1, 2, 3, 4));
    }

    @Test
    void pingPongBetweenCoroutines_fiveRounds() {
        Channel<Integer> ping = Channel.unbuffered();
        Channel<Integer> pong = Channel.unbuffered();
        List<String> trace = new ArrayList<>(); // shared by coroutines of one process: no lock needed
        runtime.run(() -> {
            Troupe.coroutine(() -> {
                for (int round = 1; round <= 5; round++) {
                    int ball = ping.receive();
                    trace.add("pong " + ball);
                    pong.send(ball);
                }
            });
            for (int round = 1; round <= 5; round++) {
                ping.send(round);
                trace.add("ping " + pong.receive());
            }
        });
        assertThat(trace).containsExactly("pong 1", "ping 1", "pong 2", "ping 2", "pong 3", "ping 3",
                "pong 4", "ping 4", "pong 5", "ping 5");
    }

    @Test
    void receiveWithTimeout_returnsNull() {
        Channel<Integer> channel = Channel.unbuffered();
        long start = System.nanoTime();
        assertThat(channel.receive(Duration.ofMillis(50))).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    }

    @Test
    void manySendersAndReceivers_loseNothing() {
        Channel<Integer> channel = Channel.buffered(16);
        int senders = 8;
        int each = 5_000;
        for (int s = 0; s < senders; s++) {
            int base = s * each;
            runtime.spawn(() -> {
                for (int i = 0; i < each; i++) channel.send(base + i);
            });
        }
        ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        for (int r = 0; r < 4; r++) {
            runtime.spawn(() -> {
                while (received.get() < senders * each) {
                    Integer value = channel.receive(Duration.ofMillis(200));
                    if (value != null) {
                        assertThat(seen.put(value, true)).isNull();
                        received.incrementAndGet();
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get() == senders * each);
        assertThat(seen).hasSize(senders * each);
    }
}
