package io.troupe.examples.guide;

import io.troupe.TroupeRuntime;
import io.troupe.supervision.ServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionGuideTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void supervisorRestartsTheWorker() throws Exception {
        assertThat(SupervisionGuide.supervisorRestartsAWorker(runtime)).isTrue();
    }

    @Test
    void servicesRun() throws Exception {
        assertThat(SupervisionGuide.servicesStartInOrder(runtime)).isEqualTo(ServiceState.RUNNING);
    }
}
