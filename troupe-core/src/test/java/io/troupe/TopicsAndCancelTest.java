package io.troupe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsAndCancelTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void topicMessagesCarryTopicAndSender_andListenTakesThemOutOfTheInbox() {
        runtime.run(() -> {
            Pid self = Troupe.self();
            Source<Object> echoes = Troupe.listen("echo");
            Pid sender = runtime.spawn(() -> {
                Troupe.send(self, "echo", "first");
                Troupe.send(self, "other", "second");
            });
            Object other = Troupe.inbox().receive(Duration.ofSeconds(2));
            assertThat(other).isEqualTo(new TopicMessage("other", sender, "second"));
            assertThat(echoes.receive(Duration.ofSeconds(2))).isEqualTo(new TopicMessage("echo", sender, "first"));
        });
    }

    @Test
    void reservedTopicsAreRefused() {
        runtime.run(() -> assertThatThrownBy(() -> Troupe.send(Troupe.self(), "@system", 1))
                .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void cancel_isAnEvent_andACleanReturnIsNormal() {
        runtime.run(() -> {
            Spawned child = Troupe.spawnMonitor(() -> {
                Object event = Troupe.events().receive();
                if (!(event instanceof Cancel)) throw new IllegalStateException("expected cancel, got " + event);
            });
            Troupe.cancel(child.pid());
            Down down = Troupe.receive(Down.class, Duration.ofSeconds(2));
            assertThat(down.reason()).isEqualTo(ExitReason.NORMAL);
        });
    }

    @Test
    void terminate_isForcefulAndAbnormal() {
        runtime.run(() -> {
            Troupe.trapExit(true);
            Pid child = Troupe.spawnLink(() -> {
                while (true) Troupe.receive();
            });
            Troupe.terminate(child);
            Exit exit = Troupe.receive(Exit.class, Duration.ofSeconds(2));
            assertThat(exit.from()).isEqualTo(child);
            assertThat(exit.reason()).isEqualTo(ExitReason.KILLED);
        });
    }
}
