package io.troupe.examples.pinuschat.cli;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** One line of {@code troupe list}: ID TYPE PID UPTIME HEAP CONNECTIONS STATE RESTARTS. */
record ListedServer(String id, String type, OptionalLong pid, String uptime, String heap, String connections, String state, int restarts) {

    static List<ListedServer> parse(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.getFirst().startsWith("ID")) throw new AssertionError("not a server table:\n" + output);
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.trim().split("\\s+");
            if (cells.length != 8) throw new AssertionError("not a server line: " + line + " in\n" + Arrays.toString(cells));
            return new ListedServer(cells[0], cells[1], cells[2].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(cells[2])),
                    cells[3], cells[4], cells[5], cells[6], Integer.parseInt(cells[7]));
        }).toList();
    }

    static ListedServer find(List<ListedServer> servers, String id) {
        return servers.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + servers));
    }
}
