package io.troupe.bench.channels;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The {@code channels} suite, one implementation and case per JVM:
 * <pre>java ... io.troupe.bench.channels.ChannelsMain --impl troupe|jdk|pekko --case C --warmup S --measure S</pre>
 * Cases: {@code chan-ping-pong} (unbuffered channel vs SynchronousQueue between two virtual threads),
 * {@code select-4} (a consumer selecting over 4 producers' channels vs 4 producers sharing one
 * ArrayBlockingQueue, the JDK's way to multiplex), {@code sup-restarts} (a child that crashes at once
 * under a one-for-one supervisor that never gives up; Erlang's side is bench/erlang/troupe_sup_bench.erl),
 * {@code sup-restart-burst} (bursts of 1,000 such restarts under an intensity of 1,000 per minute).
 * Prints {@code SAMPLE impl=I case=C metric=M value=V}.
 */
public final class ChannelsMain {
    private ChannelsMain() {
    }

    public static void main(String[] args) throws Exception {
        String impl = null;
        String kase = null;
        double warmup = 1;
        double measure = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--impl" -> impl = args[i + 1];
                case "--case" -> kase = args[i + 1];
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--measure" -> measure = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (impl == null || kase == null) throw new IllegalArgumentException("--impl and --case are required");
        // Crash logging would dominate the restart loop; every peer runs with it off.
        for (String noisy : new String[] {"io.troupe.process", "io.troupe.supervision", "org.apache.pekko"}) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.OFF);
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        Timed.Rate rate = switch (kase + "/" + impl) {
            case "chan-ping-pong/troupe" -> ChannelWorkloads.troupePingPong(warmup, measure);
            case "chan-ping-pong/jdk" -> ChannelWorkloads.jdkPingPong(warmup, measure);
            case "select-4/troupe" -> ChannelWorkloads.troupeSelect4(warmup, measure);
            case "select-4/jdk" -> ChannelWorkloads.jdkSharedQueue4(warmup, measure);
            case "sup-restarts/troupe" -> RestartWorkloads.troupe(warmup, measure);
            case "sup-restarts/pekko" -> RestartWorkloads.pekko(warmup, measure);
            case "sup-restart-burst/troupe" -> RestartWorkloads.troupeBurst(warmup, measure);
            case "sup-restart-burst/pekko" -> RestartWorkloads.pekkoBurst(warmup, measure);
            default -> throw new IllegalArgumentException("no such case/impl: " + kase + "/" + impl);
        };
        System.out.printf(Locale.ROOT, "SAMPLE impl=%s case=%s metric=%s value=%.1f%n", impl, kase, rate.metric(), rate.value());
        System.exit(0);
    }
}
