package io.troupe.server.cli;

import io.troupe.server.internal.master.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text of {@code troupe list}: one line per server, columns aligned. */
final class Table {
    static final List<String> HEADER = List.of("ID", "TYPE", "PID", "UPTIME", "HEAP", "CONNECTIONS", "STATE", "RESTARTS");

    private Table() {
    }

    static String format(List<Map<String, Object>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Map<String, Object> row : rows) {
            lines.add(List.of(text(row.get(Rows.ID)), text(row.get(Rows.TYPE)), text(row.get(Rows.PID)),
                    duration(row.get(Rows.UPTIME)), bytes(row.get(Rows.HEAP)), text(row.get(Rows.CONNECTIONS)),
                    text(row.get(Rows.STATE)), text(row.get(Rows.RESTARTS))));
        }
        return align(lines);
    }

    /** Columns padded to their widest cell, two spaces apart; no trailing blanks. */
    static String align(List<List<String>> lines) {
        int[] widths = new int[lines.getFirst().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) widths[i] = Math.max(widths[i], line.get(i).length());
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(line.get(i));
                if (i < line.size() - 1) text.append(" ".repeat(widths[i] - line.get(i).length() + 2));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** {@code 3h02m}, {@code 5m07s}, {@code 12s}. */
    static String duration(Object millis) {
        if (!(millis instanceof Number number)) return "-";
        long seconds = number.longValue() / 1000;
        if (seconds >= 3600) return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        if (seconds >= 60) return String.format("%dm%02ds", seconds / 60, seconds % 60);
        return seconds + "s";
    }

    /** In MiB, one decimal. */
    static String bytes(Object bytes) {
        if (!(bytes instanceof Number number)) return "-";
        return String.format(java.util.Locale.ROOT, "%.1fM", number.longValue() / (1024.0 * 1024.0));
    }
}
