package io.troupe.bench.broadcast;

import java.util.Locale;

/**
 * One measured window at a fixed offered rate.
 *
 * @param offeredPerS   broadcast requests sent in the window × receivers, per second
 * @param deliveredPerS deliveries counted at the clients, per second
 * @param p50Millis     delivery latency
 * @param p99Millis     delivery latency
 * @param cpuMicrosPerDelivery server CPU (all its processes) per delivery
 * @param serverCores   server CPU time / wall time in the window
 * @param clientCores   load client (this JVM) CPU time / wall time in the window
 * @param lost          receivers that disconnected during the window
 * @param sustained     the server kept up: deliveries matched the offer, p99 stayed under the limit, nobody was lost
 */
record Step(double targetPerS, double offeredPerS, double deliveredPerS, double p50Millis, double p99Millis,
            double cpuMicrosPerDelivery, double serverCores, double clientCores, int lost, boolean sustained) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "target %.0f/s offered %.0f/s delivered %.0f/s p50 %.2f ms p99 %.2f ms server %.2f us/delivery"
                        + " (%.2f cores) client %.2f cores lost %d -> %s",
                targetPerS, offeredPerS, deliveredPerS, p50Millis, p99Millis, cpuMicrosPerDelivery, serverCores,
                clientCores, lost,
                sustained ? "sustained" : "NOT sustained");
    }
}
