package io.troupe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupsTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    private Pid member(String group) {
        return runtime.spawn(() -> {
            Groups.join(group);
            while (true) Troupe.receive();
        });
    }

    @Test
    void joinLeaveMembersAndBroadcast() {
        runtime.run(() -> {
            Groups.join("room");
            Groups.join("room"); // counted
            Pid other = runtime.spawn(() -> {
                Groups.join("room");
                Object message = Troupe.receive();
                Troupe.send((Pid) message, "got it");
            });
            await().pollInSameThread().atMost(Duration.ofSeconds(2)).until(() -> Groups.members("room").size() == 2);
            assertThat(Groups.broadcast("room", Troupe.self())).isEqualTo(1);
            assertThat(Troupe.receive(String.class, Duration.ofSeconds(2))).isEqualTo("got it");
            assertThat(Groups.leave("room")).isTrue();
            assertThat(Groups.members("room")).contains(Troupe.self());
            assertThat(Groups.leave("room")).isTrue();
            assertThat(Groups.members("room")).doesNotContain(Troupe.self());
            assertThat(Groups.leave("room")).isFalse();
        });
    }

    @Test
    void monitor_yieldsJoinAndLeaveEvents_andDeadMembersLeave() {
        runtime.run(() -> {
            Pid first = member("g");
            await().pollInSameThread().atMost(Duration.ofSeconds(2)).until(() -> Groups.members("g").contains(first));
            GroupMonitor monitor = Groups.monitor("g");
            assertThat(monitor.members()).isEqualTo(Set.of(first));
            Pid second = member("g");
            assertThat(Troupe.receive(GroupEvent.class, Duration.ofSeconds(2))).isEqualTo(new GroupEvent.Joined("g", second));
            Troupe.exit(first, ExitReason.KILL);
            assertThat(Troupe.receive(GroupEvent.class, Duration.ofSeconds(2))).isEqualTo(new GroupEvent.Left("g", first));
            assertThat(Groups.members("g")).containsExactly(second);
            assertThat(Groups.demonitor(monitor)).isTrue();
            Troupe.exit(second, ExitReason.KILL);
            assertThat(Troupe.receive(GroupEvent.class, Duration.ofMillis(200))).isNull();
        });
    }
}
