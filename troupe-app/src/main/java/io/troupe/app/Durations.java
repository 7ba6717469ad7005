package io.troupe.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as in Go and Wippy: a sequence of numbers with units, such as {@code "100ms"},
 * {@code "5s"}, {@code "1.5s"} or {@code "1h30m"}. Units: {@code ns}, {@code us} (or {@code µs}),
 * {@code ms}, {@code s}, {@code m}, {@code h}. A bare {@code 0} is zero; any other number needs a unit.
 * Negative durations are not accepted.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0")) return Duration.ZERO;
        if (s.isEmpty()) throw new IllegalArgumentException("empty duration");
        if (s.matches("[0-9.]+")) {
            throw new IllegalArgumentException("'" + text + "' has no unit (write e.g. " + s + "s or " + s + "ms)");
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 100ms, 5s, 1h30m)");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long or finer than a nanosecond");
        }
    }

    /** Formats a duration the way {@link #parse} reads it, e.g. {@code 1h30m}, {@code 1.5s}, {@code 100ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) return "0s";
        long nanos = duration.toNanos();
        StringBuilder out = new StringBuilder();
        long hours = nanos / 3_600_000_000_000L;
        if (hours > 0) out.append(hours).append('h');
        long minutes = nanos / 60_000_000_000L % 60;
        if (minutes > 0) out.append(minutes).append('m');
        long rest = nanos % 60_000_000_000L;
        if (rest == 0) return out.toString();
        if (out.isEmpty() && rest < 1_000_000_000L) {
            if (rest % 1_000_000 == 0) return rest / 1_000_000 + "ms";
            if (rest % 1_000 == 0) return rest / 1_000 + "us";
            return rest + "ns";
        }
        return out.append(BigDecimal.valueOf(rest, 9).stripTrailingZeros().toPlainString()).append('s').toString();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
