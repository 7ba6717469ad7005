package io.troupe.bench;

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
 * Turns the {@code SAMPLE} lines of a run into medians, {@code RESULT} lines and a table.
 *
 * <p>Pairings: Troupe's handler processes ({@code impl=troupe}) are compared with Pekko typed actors
 * and with Erlang processes under the case's own name; Troupe's threaded processes
 * ({@code impl=troupe-threaded}) are compared with Erlang processes (both block in receive) under
 * {@code CASE-threaded}. Ratio > 1 means Troupe is better: troupe/peer for rates
 * (metric ending in {@code _per_s}), peer/troupe for times and sizes.
 *
 * <pre>java ... io.troupe.bench.Report SUITE SAMPLES_FILE</pre>
 */
public final class Report {
    private static final Pattern SAMPLE =
            Pattern.compile("^SAMPLE impl=(\\S+) case=(\\S+) metric=(\\S+) value=(\\S+)\\s*$");

    private Report() {
    }

    record Key(String impl, String kase, String metric) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report SUITE SAMPLES_FILE");
            System.exit(2);
        }
        String suite = args[0];
        Map<Key, List<Double>> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) continue;
            samples.computeIfAbsent(new Key(m.group(1), m.group(2), m.group(3)), k -> new ArrayList<>())
                    .add(Double.parseDouble(m.group(4)));
        }

        List<String[]> table = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (Map.Entry<Key, List<Double>> entry : samples.entrySet()) {
            Key key = entry.getKey();
            String[] peers;
            String kase;
            if (key.impl().equals("troupe")) {
                kase = key.kase();
                // Compare with every peer measured for this case (the channels suite has the JDK's
                // queues as its peer); if none was, report the usual peers as missing.
                peers = java.util.stream.Stream.of("pekko", "erlang", "jdk", "grpc-unary", "grpc-bidi")
                        .filter(peer -> samples.containsKey(new Key(peer, key.kase(), key.metric())))
                        .toArray(String[]::new);
                if (peers.length == 0) peers = new String[] {"pekko", "erlang"};
            } else if (key.impl().equals("troupe-threaded")) {
                kase = key.kase() + "-threaded";
                // A blocking requester's natural server is a threaded process too; Pekko's requester
                // (a virtual thread calling ask) is the same shape, so that pair is reported as well.
                peers = key.kase().equals("request-response") ? new String[] {"erlang", "pekko"} : new String[] {"erlang"};
            } else {
                continue;
            }
            double troupe = median(entry.getValue());
            boolean higherIsBetter = key.metric().endsWith("_per_s");
            for (String peer : peers) {
                List<Double> peerSamples = samples.get(new Key(peer, key.kase(), key.metric()));
                String peerText = "NA";
                String ratioText = "NA";
                if (peerSamples != null && !peerSamples.isEmpty()) {
                    double p = median(peerSamples);
                    peerText = number(p);
                    double ratio = higherIsBetter ? troupe / p : p / troupe;
                    ratioText = String.format(Locale.ROOT, "%.2f", ratio);
                    table.add(new String[] {kase, key.metric(), number(troupe), range(entry.getValue()),
                            peer, number(p), range(peerSamples), ratioText,
                            entry.getValue().size() + "/" + peerSamples.size()});
                } else {
                    table.add(new String[] {kase, key.metric(), number(troupe), range(entry.getValue()),
                            peer, "NA", "", "NA", entry.getValue().size() + "/0"});
                }
                results.add(String.format(Locale.ROOT, "RESULT suite=%s case=%s metric=%s troupe=%s peer=%s:%s ratio=%s",
                        suite, kase, key.metric(), number(troupe), peer, peerText, ratioText));
            }
        }
        results.forEach(System.out::println);
        System.out.println();
        printTable(table);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String range(List<Double> values) {
        if (values.size() < 2) return "";
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return number(min) + ".." + number(max);
    }

    /** Rates as integers, small values with three decimals. */
    static String number(double value) {
        if (Math.abs(value) >= 1000) return String.format(Locale.ROOT, "%.0f", value);
        if (Math.abs(value) >= 100) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void printTable(List<String[]> rows) {
        String[] header = {"case", "metric", "troupe", "(min..max)", "peer", "peer value", "(min..max)", "ratio", "n"};
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) widths[i] = header[i].length();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        printRow(header, widths);
        String[] rule = new String[header.length];
        for (int i = 0; i < header.length; i++) rule[i] = "-".repeat(widths[i]);
        printRow(rule, widths);
        for (String[] row : rows) printRow(row, widths);
        System.out.println("ratio > 1: Troupe better (troupe/peer for *_per_s, peer/troupe for times and sizes);"
                + " medians over n troupe/peer samples");
    }

    private static void printRow(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            boolean right = i == 2 || i == 5 || i == 7;
            String cell = row[i];
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(right ? pad + cell : cell + pad);
            if (i < row.length - 1) line.append("  ");
        }
        System.out.println(line.toString().stripTrailing());
    }
}
