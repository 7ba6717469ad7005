package io.troupe.bench.nodes;

import java.util.Locale;

/** Prints the SAMPLE lines bench/run collects, and the window and payload every side agrees on. */
final class Report {
    static final int PAYLOAD_BYTES = 100;
    static final int ACK_EVERY = 10_000;
    static final int WINDOW = 50_000;

    private Report() {
    }

    static void sample(String impl, String kase, String metric, double value) {
        System.out.printf(Locale.ROOT, "SAMPLE impl=%s case=%s metric=%s value=%.3f%n", impl, kase, metric, value);
        System.out.flush();
    }

    /** The one-way samples: rate, and CPU microseconds per message on each side. */
    static void oneWay(String impl, long messages, long nanos, long senderCpu, long receiverCpu) {
        sample(impl, "one-way", "msgs_per_s", messages * 1e9 / nanos);
        sample(impl, "one-way", "sender_cpu_us_per_msg", senderCpu / 1e3 / messages);
        if (receiverCpu >= 0) sample(impl, "one-way", "receiver_cpu_us_per_msg", receiverCpu / 1e3 / messages);
    }

    static void pingPong(String impl, long p50Nanos, long p99Nanos, long roundTrips, long nanos) {
        sample(impl, "ping-pong", "rtt_p50_us", p50Nanos / 1e3);
        sample(impl, "ping-pong", "rtt_p99_us", p99Nanos / 1e3);
        sample(impl, "ping-pong", "round_trips_per_s", roundTrips * 1e9 / nanos);
    }
}
