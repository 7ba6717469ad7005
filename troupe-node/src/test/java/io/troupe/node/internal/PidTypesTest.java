package io.troupe.node.internal;

import io.troupe.Exit;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.RuntimeOptions;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.node.spi.Codec;
import io.troupe.spi.RuntimeEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards against the core growing a Pid class the codec does not register. */
class PidTypesTest {

    @Test
    void everyKindOfPidTheCoreHandsOutIsRegistered() throws Exception {
        TroupeRuntime runtime = TroupeRuntime.start(RuntimeOptions.defaults().withNode("pids@test"));
        RuntimeEndpoint endpoint = RuntimeEndpoint.attach(runtime, new NoDistribution());
        List<Class<?>> known = PidTypes.discover(new Codec.Context() {
            @Override
            public Pid pid(String node, long id, int creation) {
                return endpoint.pid(node, id, creation);
            }

            @Override
            public List<Class<?>> messageTypes() {
                return List.of();
            }

            @Override
            public List<Class<?>> controlTypes() {
                return List.of();
            }
        });
        Pid threaded = runtime.spawn(() -> { });
        Handler handler = message -> { };
        Pid handled = runtime.spawn(handler);
        CompletableFuture<Pid> systemPid = new CompletableFuture<>();
        CompletableFuture<Void> trapping = new CompletableFuture<>();
        runtime.spawn(() -> {
            Troupe.trapExit(true);
            trapping.complete(null);
            systemPid.complete(Troupe.receive(Exit.class).from()); // the runtime's own pid, at shutdown
        });
        trapping.get(5, TimeUnit.SECONDS);
        runtime.close();
        assertThat(known).allMatch(Pid.class::isAssignableFrom);
        assertThat(known).contains(threaded.getClass(), handled.getClass(), endpoint.pid("other@test", 1, 1).getClass(),
                endpoint.pid("pids@test", 424242, endpoint.creation()).getClass(), systemPid.get(5, TimeUnit.SECONDS).getClass());
    }
}
