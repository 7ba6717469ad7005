package io.troupe;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh runtime per test, closed afterwards. Tests wait with Awaitility or with a blocking
 * {@code receive} in a root process, never with sleeps.
 */
abstract class RuntimeTestSupport {
    /** Generous bound for things that should happen "soon"; only reached when a test fails. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    static {
        // Poll often: the default (first poll after 100 ms) makes waits for many processes slow.
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
        Awaitility.setDefaultTimeout(PATIENCE);
    }

    TroupeRuntime runtime;

    RuntimeOptions options() {
        return RuntimeOptions.defaults().withShutdownTimeout(Duration.ofSeconds(5));
    }

    @BeforeEach
    void startRuntime() {
        runtime = TroupeRuntime.start(options());
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    /** Runs {@code block} as a root process on the test thread and returns its result. */
    <T> T call(Callable<T> block) {
        try {
            return runtime.call(block);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Receives a message of {@code type}, failing the test if none arrives within {@link #PATIENCE}. */
    static <T> T expect(Class<T> type) {
        T message = Troupe.receive(type, PATIENCE);
        assertThat(message).as("a %s within %s", type.getSimpleName(), PATIENCE).isNotNull();
        return message;
    }

    /** Receives any message, failing the test if none arrives within {@link #PATIENCE}. */
    static Object expectAny() {
        Object message = Troupe.receive(PATIENCE);
        assertThat(message).as("a message within %s", PATIENCE).isNotNull();
        return message;
    }

    /** Receives the {@link Down} of {@code monitor}, failing the test if it does not arrive. */
    static Down expectDown(Ref monitor) {
        Object message = Troupe.receive(m -> m instanceof Down down && down.ref().equals(monitor), PATIENCE);
        assertThat(message).as("Down for %s", monitor).isNotNull();
        return (Down) message;
    }

    /** Asserts that no message matching the filter arrives within {@code window}. */
    static void expectNothing(java.util.function.Predicate<Object> filter, Duration window) {
        assertThat(Troupe.receive(filter, window)).as("no such message within %s", window).isNull();
    }

    void awaitDead(Pid pid) {
        await().atMost(PATIENCE).until(() -> !runtime.isAlive(pid));
    }

    void awaitProcessCount(int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(runtime.processCount()).isEqualTo(count));
    }

    /** A process that waits for any message and then returns normally. */
    static Runnable waitForAnyMessage() {
        return Troupe::receive;
    }
}
