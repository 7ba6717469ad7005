package io.troupe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Why processes end, and who is told: crashes, exit values, kill. */
class ExitReasonsTest extends RuntimeTestSupport {

    record Ready() {}

    @Test
    void anUncaughtExceptionEndsOnlyItsOwnProcessAndTellsLinksAndMonitors() {
        IllegalStateException error = new IllegalStateException("kaput");
        call(() -> {
            Pid root = Troupe.self();
            Spawned bystander = Troupe.spawnMonitor(waitForAnyMessage());
            Spawned crasher = Troupe.spawnMonitor(() -> {
                Troupe.receive();
                throw error;
            });
            Spawned linked = Troupe.spawnMonitor(() -> {
                Troupe.link(crasher.pid());
                Troupe.send(root, new Ready());
                Troupe.receive();
            });
            Spawned trappingLinked = Troupe.spawnMonitor(() -> {
                Troupe.trapExit(true);
                Troupe.link(crasher.pid());
                Troupe.send(root, new Ready());
                Troupe.send(root, Troupe.receive(Exit.class));
            });
            expect(Ready.class);
            expect(Ready.class);
            Troupe.send(crasher.pid(), "go");

            Down down = expectDown(crasher.monitor());
            assertThat(down.reason()).isInstanceOfSatisfying(ExitReason.Failure.class, failure -> {
                assertThat(failure.cause()).isSameAs(error);
                assertThat(failure.type()).isEqualTo("java.lang.IllegalStateException");
                assertThat(failure.message()).isEqualTo("kaput");
                assertThat(failure.toString()).isEqualTo("java.lang.IllegalStateException: kaput");
                assertThat(failure.isOrderly()).isFalse();
            });
            assertThat(expectDown(linked.monitor()).reason()).isEqualTo(down.reason());
            assertThat(expect(Exit.class)).isEqualTo(new Exit(crasher.pid(), down.reason()));
            assertThat(expectDown(trappingLinked.monitor()).reason()).isEqualTo(ExitReason.NORMAL);

            assertThat(Troupe.isAlive(bystander.pid())).isTrue();
            assertThat(Troupe.isAlive(root)).isTrue();
            Troupe.send(bystander.pid(), "done");
            expectDown(bystander.monitor());
            return null;
        });
    }

    @Test
    void anUncaughtExceptionIsLoggedOnce() {
        Logger crashes = (Logger) LoggerFactory.getLogger("io.troupe.process");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = crashes.getLevel();
        boolean additive = crashes.isAdditive();
        crashes.addAppender(appender);
        crashes.setAdditive(false); // keep the expected crash off the console
        crashes.setLevel(Level.ERROR);
        try {
            call(() -> {
                Spawned crasher = Troupe.spawnMonitor(() -> {
                    throw new IllegalArgumentException("logged");
                });
                expectDown(crasher.monitor());
                Spawned quiet = Troupe.spawnMonitor(() -> Troupe.exit("not a crash"));
                expectDown(quiet.monitor());
                return null;
            });
        } finally {
            crashes.detachAppender(appender);
            crashes.setLevel(level);
            crashes.setAdditive(additive);
        }
        assertThat(appender.list).hasSize(1);
        ILoggingEvent event = appender.list.getFirst();
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("logged");
    }

    @Test
    void exitTakesAnyValueAsTheReason() {
        call(() -> {
            record Custom(int code) {}
            Spawned a = Troupe.spawnMonitor(() -> Troupe.exit(new Custom(42)));
            Spawned b = Troupe.spawnMonitor(() -> Troupe.exit(ExitReason.SHUTDOWN));
            Spawned c = Troupe.spawnMonitor(() -> Troupe.exit((Object) new IOException("io")));
            Spawned d = Troupe.spawnMonitor(() -> Troupe.exit(ExitReason.NORMAL));
            assertThat(expectDown(a.monitor()).reason()).isEqualTo(new ExitReason.Value(new Custom(42)));
            assertThat(expectDown(b.monitor()).reason()).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(expectDown(c.monitor()).reason()).isInstanceOfSatisfying(ExitReason.Failure.class,
                    f -> assertThat(f.type()).isEqualTo(IOException.class.getName()));
            assertThat(expectDown(d.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            return null;
        });
    }

    @Test
    void exitReasonOfWrapsValues() {
        RuntimeException error = new RuntimeException("x");
        assertThat(ExitReason.of(ExitReason.KILLED)).isSameAs(ExitReason.KILLED);
        assertThat(ExitReason.of("x")).isEqualTo(new ExitReason.Value("x"));
        assertThat(ExitReason.of(error)).isEqualTo(ExitReason.Failure.of(error));
        assertThat(ExitReason.NORMAL.isOrderly()).isTrue();
        assertThat(ExitReason.SHUTDOWN.isOrderly()).isTrue();
        assertThat(ExitReason.KILLED.isOrderly()).isFalse();
        assertThat(new ExitReason.Value("x").isOrderly()).isFalse();
        assertThat(ExitReason.NORMAL).hasToString("normal");
        assertThat(ExitReason.NOPROC).hasToString("noproc");
    }

    @Test
    void catchingExceptionDoesNotSwallowExit() {
        call(() -> {
            Spawned p = Troupe.spawnMonitor(() -> {
                try {
                    Troupe.exit("really");
                } catch (Exception e) {
                    Troupe.exit("swallowed");
                }
            });
            assertThat(expectDown(p.monitor()).reason()).isEqualTo(new ExitReason.Value("really"));
            return null;
        });
    }

    @Test
    void aKilledProcessBlockedInReceiveUnwindsAndRunsItsFinallyBlocks() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned victim = Troupe.spawnMonitor(() -> {
                try {
                    Troupe.send(root, new Ready());
                    Troupe.receive();
                } finally {
                    Troupe.send(root, "cleaned up");
                }
            });
            expect(Ready.class);
            int before = runtime.processCount();
            Troupe.exit(victim.pid(), ExitReason.KILL);
            assertThat(Troupe.isAlive(victim.pid())).isFalse();
            assertThat(expectDown(victim.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            assertThat(expect(String.class)).isEqualTo("cleaned up");
            assertThat(runtime.processCount()).isEqualTo(before - 1);
            return null;
        });
    }

    @Test
    void aKilledProcessBlockedInSleepUnwinds() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned sleeper = Troupe.spawnMonitor(() -> {
                Troupe.send(root, new Ready());
                try {
                    Troupe.sleep(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    Troupe.send(root, "unwound");
                }
            });
            expect(Ready.class);
            Troupe.exit(sleeper.pid(), ExitReason.KILL);
            assertThat(expectDown(sleeper.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            assertThat(expect(String.class)).isEqualTo("unwound");
            return null;
        });
    }

    @Test
    void anExitSignalWithAReasonKillsANonTrappingProcessWithThatReason() {
        call(() -> {
            Spawned target = Troupe.spawnMonitor(waitForAnyMessage());
            Troupe.exit(target.pid(), new ExitReason.Value("told to"));
            assertThat(expectDown(target.monitor()).reason()).isEqualTo(new ExitReason.Value("told to"));
            return null;
        });
    }

    @Test
    void exitSignalToADeadOrForeignPidIsIgnored() {
        Pid dead = runtime.spawn(() -> { });
        awaitDead(dead);
        runtime.exit(dead, ExitReason.KILL);
        try (TroupeRuntime other = TroupeRuntime.start(RuntimeOptions.defaults().withNode("other@localhost"))) {
            Pid foreign = other.spawn(waitForAnyMessage());
            runtime.exit(foreign, ExitReason.KILL); // not a process of this runtime
            assertThat(other.isAlive(foreign)).isTrue();
            assertThat(runtime.isAlive(foreign)).isFalse();
            other.send(foreign, "go");
        }
    }
}
