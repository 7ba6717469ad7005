package io.troupe.server.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    void alignsColumnsAndFormatsUptimeAndHeap() {
        Map<String, Object> up = new LinkedHashMap<>(Map.of("id", "connector-server-1", "type", "connector", "pid", 4242L,
                "uptimeMillis", 3_723_000L, "heapUsedBytes", 25L * 1024 * 1024, "connections", 7, "state", "up", "restarts", 0));
        Map<String, Object> down = new LinkedHashMap<>(Map.of("id", "chat-server-1", "type", "chat", "state", "restarting", "restarts", 2));
        assertThat(Table.format(List.of(up, down))).isEqualTo("""
                ID                  TYPE       PID   UPTIME  HEAP   CONNECTIONS  STATE       RESTARTS
                connector-server-1  connector  4242  1h02m   25.0M  7            up          0
                chat-server-1       chat       -     -       -      -            restarting  2
                """);
        assertThat(Table.duration(65_000L)).isEqualTo("1m05s");
        assertThat(Table.duration(9_999L)).isEqualTo("9s");
    }
}
