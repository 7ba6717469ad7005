package io.troupe.examples.guide;

import io.troupe.ExitReason;
import io.troupe.TroupeRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuideExamplesTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void processes() throws Exception {
        assertThat(ProcessesGuide.threadedKeyValue(runtime)).isEqualTo("hello");
        assertThat(ProcessesGuide.handlerCounter(runtime)).isEqualTo(3);
        assertThat(ProcessesGuide.monitoredCrash(runtime)).isInstanceOfSatisfying(ExitReason.Failure.class,
                failure -> assertThat(failure.message()).isEqualTo("disk full"));
    }

    @Test
    void channels() throws Exception {
        assertThat(ChannelsGuide.producerConsumer(runtime)).isEqualTo(21);
        assertThat(ChannelsGuide.selectWithTimeout(runtime)).containsExactly("got hello", "timeout");
        assertThat(ChannelsGuide.coroutineStats(runtime)).isEqualTo(2);
        assertThat(ChannelsGuide.groupBroadcast(runtime)).isEqualTo(3);
    }
}
