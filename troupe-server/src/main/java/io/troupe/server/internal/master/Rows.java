package io.troupe.server.internal.master;

import io.troupe.rpc.Rpc;
import io.troupe.server.config.ServerConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rows of {@code master.list}: each server's {@code sys.info}, asked of all servers at once
 * (bounded), plus what the master knows (state, restarts). Keys are public for the CLI.
 */
public final class Rows {
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String PID = "pid";
    public static final String UPTIME = "uptimeMillis";
    public static final String HEAP = "heapUsedBytes";
    public static final String CONNECTIONS = "connections";
    public static final String CLIENT_PORT = "clientPort";
    public static final String STATE = "state";
    public static final String RESTARTS = "restarts";

    /** The state of a server that answers. */
    public static final String UP = "up";
    static final Duration INFO_TIMEOUT = Duration.ofSeconds(3);
    private static final String SYS_INFO = "sys.info";

    private Rows() {
    }

    /**
     * A row per server: {@code state} and {@code restarts} from {@code master}, and {@code sys.info}
     * through {@code rpc} for servers whose state is {@link #UP} (one that does not answer in time
     * is reported {@code unreachable}).
     */
    static List<Map<String, Object>> of(Rpc rpc, List<ServerConfig> servers, Map<String, String> states, Map<String, Integer> restarts) {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (ServerConfig server : servers) {
            answers.add(UP.equals(states.get(server.id()))
                    ? rpc.callAsync(server.id(), SYS_INFO, List.of(), INFO_TIMEOUT)
                    : CompletableFuture.completedFuture(null));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerConfig server = servers.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(ID, server.id());
            row.put(TYPE, server.serverType());
            String state = states.getOrDefault(server.id(), "down");
            Object info = await(answers.get(i));
            if (info instanceof Map<?, ?> map) {
                map.forEach((key, value) -> row.put(String.valueOf(key), value));
            } else if (UP.equals(state)) {
                state = "unreachable";
            }
            row.put(STATE, state);
            row.put(RESTARTS, restarts.getOrDefault(server.id(), 0));
            rows.add(row);
        }
        return rows;
    }

    private static Object await(CompletableFuture<Object> answer) {
        try {
            return answer.get(INFO_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
