package io.troupe.bench.channels;

import io.troupe.Down;
import io.troupe.RuntimeOptions;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.Strategy;
import io.troupe.supervision.Supervisor;
import io.troupe.supervision.SupervisorSpec;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A child that fails as soon as it starts, under a one-for-one supervisor that always restarts it
 * (intensity high enough never to give up). Counts restarts per second.
 */
final class RestartWorkloads {
    /** The burst case: this many restarts under an intensity of exactly this many per minute. */
    static final int BURST = 1_000;

    private RestartWorkloads() {
    }

    /**
     * Repeats bursts of {@link #BURST} restarts, each under a fresh supervisor allowed exactly that
     * many per minute (a realistic intensity), until the measuring window is over.
     */
    static Timed.Rate troupeBurst(double warmup, double measure) throws Exception {
        try (TroupeRuntime runtime = TroupeRuntime.start(RuntimeOptions.defaults().withSchedulerThreads(2))) {
            return bursts(warmup, measure, () -> {
                SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, ChildSpec.worker("crasher", () -> {
                    throw new IllegalStateException("crash");
                })).withIntensity(BURST, Duration.ofSeconds(60));
                Supervisor supervisor = Supervisor.start(runtime, spec);
                // It restarts the crasher BURST times, then the next crash exceeds its intensity.
                Object down = runtime.call(() -> {
                    Troupe.monitor(supervisor.pid());
                    return Troupe.receive(Down.class, Duration.ofSeconds(30));
                });
                if (down == null) throw new IllegalStateException("burst did not finish in 30 s");
            });
        }
    }

    static Timed.Rate pekkoBurst(double warmup, double measure) throws Exception {
        ActorSystem<Object> system = ActorSystem.create(Behaviors.empty(), "bursts", PEKKO_CONFIG);
        try {
            int[] round = {0};
            return bursts(warmup, measure, () -> {
                LongAdder starts = new LongAdder();
                java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
                Behavior<Object> crasher = Behaviors.setup(context -> {
                    starts.increment();
                    if (starts.sum() > BURST) done.complete(null);
                    context.getSelf().tell("crash");
                    return Behaviors.receiveMessage(message -> {
                        throw new IllegalStateException("crash");
                    });
                });
                system.systemActorOf(Behaviors.supervise(crasher).onFailure(Exception.class,
                        SupervisorStrategy.restart().withLimit(BURST, Duration.ofSeconds(60))),
                        "crasher-" + round[0]++, org.apache.pekko.actor.typed.Props.empty());
                done.get(30, java.util.concurrent.TimeUnit.SECONDS);
            });
        } finally {
            system.terminate();
        }
    }

    interface Burst {
        void run() throws Exception;
    }

    private static Timed.Rate bursts(double warmup, double measure, Burst burst) throws Exception {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        do burst.run(); while (System.nanoTime() < warmEnd);
        long start = System.nanoTime();
        long end = start + (long) (measure * 1e9);
        long restarts = 0;
        do {
            burst.run();
            restarts += BURST;
        } while (System.nanoTime() < end);
        return new Timed.Rate("restarts_per_s", restarts * 1e9 / (System.nanoTime() - start));
    }

    private static final com.typesafe.config.Config PEKKO_CONFIG = ConfigFactory.parseString("""
            pekko.loglevel = OFF
            pekko.stdout-loglevel = OFF
            pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = 2
            pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = 2
            pekko.actor.default-dispatcher.throughput = 50
            """);

    static Timed.Rate troupe(double warmup, double measure) throws Exception {
        try (TroupeRuntime runtime = TroupeRuntime.start(RuntimeOptions.defaults().withSchedulerThreads(2))) {
            SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE, ChildSpec.worker("crasher", () -> {
                throw new IllegalStateException("crash");
            })).withIntensity(Integer.MAX_VALUE, Duration.ofSeconds(1));
            Supervisor supervisor = Supervisor.start(runtime, spec);
            Timed.Rate rate = Timed.rate("restarts_per_s", supervisor::restarts, warmup, measure);
            supervisor.stop(Duration.ofSeconds(5));
            return rate;
        }
    }

    /**
     * Pekko typed: an actor that fails while being created is stopped, not restarted, so the child
     * sends itself a message when it starts and fails on it: a crash right after each start. The
     * supervisor restarts it without limit.
     */
    static Timed.Rate pekko(double warmup, double measure) throws Exception {
        LongAdder starts = new LongAdder();
        Behavior<Object> crasher = Behaviors.setup(context -> {
            starts.increment();
            context.getSelf().tell("crash");
            return Behaviors.receiveMessage(message -> {
                throw new IllegalStateException("crash");
            });
        });
        Behavior<Object> guardian = Behaviors.setup(context -> {
            context.spawn(Behaviors.supervise(crasher).onFailure(Exception.class, SupervisorStrategy.restart()), "crasher");
            return Behaviors.empty();
        });
        ActorSystem<Object> system = ActorSystem.create(guardian, "restarts", PEKKO_CONFIG);
        try {
            return Timed.rate("restarts_per_s", starts::sum, warmup, measure);
        } finally {
            system.terminate();
        }
    }
}
