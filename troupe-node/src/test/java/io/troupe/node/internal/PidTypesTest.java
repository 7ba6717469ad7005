package io.troupe.node.internal;

import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.RuntimeOptions;
import io.troupe.TroupeRuntime;
import io.troupe.spi.RuntimeEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PidTypesTest {

    @Test
    void everyPidClassOfTheCoreIsKnown() {
        assertThat(PidTypes.ALL).hasSize(4).allMatch(Pid.class::isAssignableFrom);
        try (TroupeRuntime runtime = TroupeRuntime.start(RuntimeOptions.defaults().withNode("pids@test"))) {
            RuntimeEndpoint endpoint = RuntimeEndpoint.attach(runtime, new NoDistribution());
            Pid threaded = runtime.spawn(() -> { });
            Handler handler = message -> { };
            Pid handled = runtime.spawn(handler);
            assertThat(PidTypes.ALL).contains(threaded.getClass(), handled.getClass(),
                    endpoint.pid("other@test", 1, 1).getClass());
        }
    }
}
