package io.troupe.examples.guide;

import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.RestartPolicy;
import io.troupe.supervision.ServiceManager;
import io.troupe.supervision.ServiceSpec;
import io.troupe.supervision.ServiceState;
import io.troupe.supervision.Services;
import io.troupe.supervision.Strategy;
import io.troupe.supervision.Supervisor;
import io.troupe.supervision.SupervisorSpec;

import java.time.Duration;
import java.util.List;

/** The samples of docs/supervision.md. */
public final class SupervisionGuide {
    private SupervisionGuide() {
    }

    /** A one-for-one supervisor brings a crashed worker back under the same name. */
    public static boolean supervisorRestartsAWorker(TroupeRuntime runtime) throws Exception {
        // tag::supervisor[]
        SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                        ChildSpec.worker("cache", () -> {
                            Troupe.register("cache");
                            while (true) {
                                if ("crash".equals(Troupe.receive())) throw new IllegalStateException("boom");
                            }
                        }))
                .withIntensity(3, Duration.ofSeconds(5));       // more than 3 crashes in 5 s: give up
        Supervisor supervisor = Supervisor.start(runtime, spec);
        // end::supervisor[]
        var first = awaitName(runtime, "cache", null);
        runtime.send("cache", "crash");
        var second = awaitName(runtime, "cache", first);
        supervisor.stop(Duration.ofSeconds(5));
        return second != null && !second.equals(first);
    }

    /** A service restarted with backoff, after its dependency. */
    public static ServiceState servicesStartInOrder(TroupeRuntime runtime) throws Exception {
        // tag::services[]
        ServiceManager services = Services.start(runtime, List.of(
                ServiceSpec.worker("database", () -> Troupe.receive())
                        .withAutoStart(true),
                ServiceSpec.worker("api", () -> Troupe.receive())
                        .withAutoStart(true)
                        .withRequires("database")                        // started after, stopped before
                        .withRestartPolicy(RestartPolicy.defaults()      // 1 s, x2, up to 90 s, +-10 %
                                .withInitialDelay(Duration.ofMillis(100)))));
        // end::services[]
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (services.state("api") != ServiceState.RUNNING && System.nanoTime() < deadline) Thread.sleep(10);
        ServiceState state = services.state("api");
        services.stopAll(Duration.ofSeconds(5));
        return state;
    }

    private static io.troupe.Pid awaitName(TroupeRuntime runtime, String name, io.troupe.Pid not) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            var pid = runtime.whereis(name).orElse(null);
            if (pid != null && !pid.equals(not)) return pid;
            Thread.sleep(5);
        }
        return null;
    }
}
