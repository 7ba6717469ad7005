package io.troupe.spi;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RuntimeEndpointTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    /** A distribution layer that goes nowhere: these tests drive only the receiving side. */
    static final class Nowhere implements Distribution {
        @Override public void send(Pid from, Pid to, Object message) {}
        @Override public void send(Pid from, Name to, Object message) {}
        @Override public void link(Pid local, Pid remote) {}
        @Override public void unlink(Pid local, Pid remote) {}
        @Override public void exit(Pid from, Pid to, ExitReason reason, boolean viaLink) {}
        @Override public void monitor(Ref ref, Pid watcher, Pid target) {}
        @Override public void demonitor(Ref ref, Pid watcher, Pid target) {}
        @Override public void down(Ref ref, Pid watcher, Pid target, ExitReason reason) {}
    }

    @Test
    void deliver_runsAnIdleHandlerOnTheCallingThread_withItsIdentity() {
        RuntimeEndpoint endpoint = RuntimeEndpoint.attach(runtime, new Nowhere());
        List<String> seen = new CopyOnWriteArrayList<>();
        Pid handler = runtime.spawn((Handler) message ->
                seen.add(message + " on " + Thread.currentThread().getName() + " as " + Troupe.self()));
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.isAlive(handler));
        String name = Thread.currentThread().getName();
        Thread.currentThread().setName("reader");
        try {
            endpoint.deliver(handler, "first");
        } finally {
            Thread.currentThread().setName(name);
        }
        assertThat(seen).containsExactly("first on reader as " + handler);

        // The calling thread is not a process afterwards, and later local sends go to the workers.
        runtime.send(handler, "second");
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen.get(1)).startsWith("second on troupe-worker");
        assertThat(runtime.processCount()).isEqualTo(1);
    }

    @Test
    void deliver_byName_andToThreadedProcesses_keepsOrder() {
        RuntimeEndpoint endpoint = RuntimeEndpoint.attach(runtime, new Nowhere());
        List<Object> received = new CopyOnWriteArrayList<>();
        Pid threaded = runtime.spawn(() -> {
            Troupe.register("sink");
            for (int i = 0; i < 100; i++) received.add(Troupe.receive());
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.whereis("sink").isPresent());
        for (int i = 0; i < 100; i++) {
            if (i % 2 == 0) endpoint.deliver(threaded, i); else assertThat(endpoint.deliver("sink", i)).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 100);
        assertThat(received).isEqualTo(java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(endpoint.deliver("nobody", 1)).isFalse();
    }
}
