package io.troupe.bench.broadcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broadcast suite's report: for each case and metric, Troupe's median against each peer's
 * (socket.io, pinus), as {@code RESULT suite=broadcast case=C metric=M troupe=X peer=NAME:Y ratio=R}.
 * Unlike the shared report, peers are printed even while Troupe has no samples
 * ({@code troupe=NA ratio=NA}). Ratio > 1 means Troupe is better: troupe/peer for {@code *_per_s},
 * peer/troupe for latencies, CPU and memory.
 *
 * <pre>java ... io.troupe.bench.broadcast.BroadcastReport SAMPLES_FILE</pre>
 */
public final class BroadcastReport {
    private static final Pattern SAMPLE =
            Pattern.compile("^SAMPLE impl=(\\S+) case=(\\S+) metric=(\\S+) value=(\\S+)\\s*$");
    private static final List<String> PEERS = List.of("socketio", "pinus");

    private BroadcastReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, List<Double>>> byCaseMetric = new LinkedHashMap<>(); // "case metric" -> impl -> values
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || m.group(4).equals("NaN")) continue;
            byCaseMetric.computeIfAbsent(m.group(2) + " " + m.group(3), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(4)));
        }
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-18s %-20s %12s %12s %12s %8s %8s", "case", "metric", "troupe", "socketio", "pinus",
                "x sio", "x pinus"));
        for (var entry : byCaseMetric.entrySet()) {
            String[] cm = entry.getKey().split(" ");
            Map<String, List<Double>> impls = entry.getValue();
            boolean higherIsBetter = cm[1].endsWith("_per_s");
            Double troupe = median(impls.get("troupe"));
            for (String peer : PEERS) {
                Double p = median(impls.get(peer));
                if (p == null) continue;
                String ratio = troupe == null ? "NA" : String.format(Locale.ROOT, "%.2f", higherIsBetter ? troupe / p : p / troupe);
                System.out.printf(Locale.ROOT, "RESULT suite=broadcast case=%s metric=%s troupe=%s peer=%s:%s ratio=%s%n",
                        cm[0], cm[1], number(troupe), peer, number(p), ratio);
            }
            table.add(String.format(Locale.ROOT, "%-18s %-20s %12s %12s %12s %8s %8s", cm[0], cm[1],
                    cell(impls.get("troupe")), cell(impls.get("socketio")), cell(impls.get("pinus")),
                    ratioCell(troupe, median(impls.get("socketio")), higherIsBetter),
                    ratioCell(troupe, median(impls.get("pinus")), higherIsBetter)));
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println("medians (n samples); ratio > 1: Troupe better (troupe/peer for *_per_s, peer/troupe otherwise)");
    }

    private static String ratioCell(Double troupe, Double peer, boolean higherIsBetter) {
        if (troupe == null || peer == null) return "NA";
        return String.format(Locale.ROOT, "%.2f", higherIsBetter ? troupe / peer : peer / troupe);
    }

    private static String cell(List<Double> values) {
        return values == null || values.isEmpty() ? "NA" : number(median(values)) + " (" + values.size() + ")";
    }

    private static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String number(Double value) {
        if (value == null) return "NA";
        if (Math.abs(value) >= 1000) return String.format(Locale.ROOT, "%.0f", value);
        if (Math.abs(value) >= 100) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
