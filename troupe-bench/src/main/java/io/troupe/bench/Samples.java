package io.troupe.bench;

import java.util.Locale;

/** Prints the {@code SAMPLE} lines that bench/run collects. */
record Samples(String impl, String kase) {

    void print(String metric, double value) {
        System.out.printf(Locale.ROOT, "SAMPLE impl=%s case=%s metric=%s value=%.3f%n", impl, kase, metric, value);
        System.out.flush();
    }
}
