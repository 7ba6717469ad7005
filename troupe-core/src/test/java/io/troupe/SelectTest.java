package io.troupe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SelectTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void default_whenNothingReady() {
        Channel<Integer> a = Channel.unbuffered();
        Channel<Integer> b = Channel.buffered(1);
        Selection selection = Select.trySelect(a.onReceive(), b.onReceive());
        assertThat(selection.isDefault()).isTrue();
    }

    @Test
    void readyCases_areChosenWithoutBias() {
        Channel<Integer> a = Channel.buffered(1);
        Channel<Integer> b = Channel.buffered(1);
        Channel<Integer> c = Channel.buffered(1);
        int[] wins = new int[3];
        for (int i = 0; i < 3_000; i++) {
            a.trySend(1);
            b.trySend(2);
            c.trySend(3);
            wins[Select.select(a.onReceive(), b.onReceive(), c.onReceive()).index()]++;
        }
        for (int count : wins) assertThat(count).isBetween(800, 1200);
    }

    @Test
    void sendCase_firesWhenReceiverArrives() {
        Channel<String> channel = Channel.unbuffered();
        Channel<String> other = Channel.unbuffered();
        runtime.spawn(() -> assertThat(channel.receive()).isEqualTo("hello"));
        Selection selection = Select.select(channel.onSend("hello"), other.onReceive());
        assertThat(selection.is(channel)).isTrue();
        assertThat(selection.value()).isNull();
    }

    @Test
    void inboxAndTimer_inOneSelect() {
        AtomicReference<String> outcome = new AtomicReference<>();
        runtime.run(() -> {
            Pid self = Troupe.self();
            Source<Object> inbox = Troupe.inbox();
            Source<java.time.Instant> timeout = Time.after(Duration.ofMillis(50));
            Selection first = Select.select(inbox.onReceive(), timeout.onReceive());
            assertThat(first.is(timeout)).isTrue();
            runtime.spawn(() -> Troupe.send(self, "message"));
            Selection second = Select.select(inbox.onReceive(), Time.after(Duration.ofSeconds(5)).onReceive());
            assertThat(second.is(inbox)).isTrue();
            outcome.set((String) second.value());
        });
        assertThat(outcome).hasValue("message");
    }

    @Test
    void inboxIsTheSameMailboxAsReceive_orderKept() {
        runtime.run(() -> {
            Pid self = Troupe.self();
            Troupe.send(self, 1);
            Troupe.send(self, 2);
            Troupe.send(self, 3);
            assertThat(Select.select(Troupe.inbox().onReceive()).value()).isEqualTo(1);
            assertThat(Troupe.receive()).isEqualTo(2);
            assertThat(Troupe.inbox().receive()).isEqualTo(3);
        });
    }

    @Test
    void eventsAreSeparateFromInbox() {
        runtime.run(() -> {
            Spawned child = Troupe.spawnMonitor(() -> {});
            Troupe.send(Troupe.self(), "hi");
            Source<Object> events = Troupe.events();
            Object event = events.receive(Duration.ofSeconds(5));
            assertThat(event).isInstanceOf(Down.class);
            assertThat(((Down) event).pid()).isEqualTo(child.pid());
            assertThat(Troupe.inbox().tryReceive()).isEqualTo("hi");
        });
    }

    @Test
    void otherProcessesCannotSelectOnMyInbox() {
        runtime.run(() -> {
            Source<Object> mine = Troupe.inbox();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Pid other = runtime.spawn(() -> {
                try {
                    Select.trySelect(mine.onReceive());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            Troupe.monitor(other);
            Troupe.receive(Down.class);
            assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void killedWhileInSelect_unwinds() {
        runtime.run(() -> {
            Channel<Integer> never = Channel.unbuffered();
            Spawned child = Troupe.spawnMonitor(() -> Select.select(never.onReceive(), Troupe.inbox().onReceive()));
            Troupe.exit(child.pid(), ExitReason.KILL);
            Down down = Troupe.receive(Down.class, Duration.ofSeconds(5));
            assertThat(down.reason()).isEqualTo(ExitReason.KILLED);
        });
    }

    @Test
    void handlerProcessCannotBlockInSelect() {
        Channel<Integer> channel = Channel.unbuffered();
        runtime.run(() -> {
            Pid self = Troupe.self();
            Pid handler = Troupe.spawn((Handler) message -> {
                try {
                    channel.receive();
                    Troupe.send(self, "no failure");
                } catch (IllegalStateException expected) {
                    Troupe.send(self, expected.getMessage());
                }
            });
            Troupe.send(handler, "go");
            assertThat(Troupe.receive(String.class, Duration.ofSeconds(5))).contains("handler process");
        });
    }
}
