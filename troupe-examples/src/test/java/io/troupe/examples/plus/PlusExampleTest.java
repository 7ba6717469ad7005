package io.troupe.examples.plus;

import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.rpc.NoSuchServiceException;
import io.troupe.rpc.RemoteDisconnectedException;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.RpcException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Seed 002 end to end: PlusServer in its own JVM, 100 callers here (LN-2), and the server killed mid-run (LN-5). */
class PlusExampleTest {
    private static final String SUFFIX = ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;

    private static Process startServer(String name, List<String> lines) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                PlusServer.class.getName(), name);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
            } catch (IOException ignored) {
                // the server ended
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("PlusServer ready on ")) || !process.isAlive());
        assertThat(process.isAlive()).as("PlusServer output: %s", lines).isTrue();
        return process;
    }

    private static String serverNode(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("PlusServer ready on ")).findFirst().orElseThrow()
                .substring("PlusServer ready on ".length()).trim();
    }

    @Test
    void hundredCallersThenTheServerIsKilledAndEveryCallerLearnsAtOnce() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process server = startServer("plus-server-" + SUFFIX, lines);
        try (Node client = Node.start(NodeOptions.named("plus-client-" + SUFFIX).withFailureDetection(Duration.ofSeconds(1)))) {
            assertThat(client.ping(serverNode(lines))).isTrue();
            Rpc rpc = Rpc.of(client);
            await().atMost(Duration.ofSeconds(10)).until(() -> rpc.lookup("PlusServer").isPresent());

            // LN-2: 100 callers, 100 calls each, every answer 3
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PlusClient.Outcome warmup = PlusClient.run(client.runtime(), 100, 1, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(warmup.firstError()).isNull();
            assertThat(warmup.calls()).isPositive();

            // LN-5: kill the server while 100 callers are blocked in calls
            LongAdder answers = new LongAdder();
            Map<Integer, RpcException> errors = new ConcurrentHashMap<>();
            AtomicLong lastErrorAt = new AtomicLong();
            CountDownLatch finished = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                int caller = i;
                client.runtime().spawn(() -> {
                    try {
                        for (int k = 0; k < 10_000_000; k++) {
                            assertThat(Rpc.current().call("PlusServer", "Plus", List.of(1, 2), Duration.ofSeconds(30))).isEqualTo(3);
                            answers.increment();
                        }
                    } catch (RpcException e) {
                        errors.put(caller, e);
                        lastErrorAt.accumulateAndGet(System.nanoTime(), Math::max);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.sum() > 2_000);
            long killedAt = System.nanoTime();
            server.destroyForcibly();
            await().atMost(Duration.ofSeconds(5)).until(() -> finished.getCount() == 0);
            assertThat(errors).hasSize(100);
            assertThat(errors.values()).allMatch(e -> e instanceof RemoteDisconnectedException, "every caller gets a disconnect error");
            assertThat(Duration.ofNanos(lastErrorAt.get() - killedAt)).isLessThan(Duration.ofSeconds(1));

            await().atMost(Duration.ofSeconds(5)).until(() -> rpc.lookup("PlusServer").isEmpty());
            assertThatThrownBy(() -> rpc.call("PlusServer", "Plus", List.of(1, 2), Duration.ofSeconds(1)))
                    .isInstanceOf(NoSuchServiceException.class);
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }
}
