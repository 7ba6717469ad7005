package io.troupe.supervision;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A supervisor's configuration (OTP's {@code init/1} result): strategy, restart intensity, the
 * children in start order, and an optional registered name.
 *
 * <pre>{@code
 * SupervisorSpec spec = SupervisorSpec.of(Strategy.ONE_FOR_ONE,
 *         ChildSpec.worker("a", a::run),
 *         ChildSpec.handler("b", B::new))
 *     .withIntensity(10, Duration.ofSeconds(1))
 *     .withName("app_sup");
 * }</pre>
 *
 * <h2>Restart intensity</h2>
 * If more than {@code maxRestarts} restarts happen within {@code period}, the supervisor stops all
 * its children and exits with {@link SupervisorFailure.IntensityExceeded}, so the failure moves up
 * to its own supervisor. {@code maxRestarts = 0} allows no restart at all. Default: 3 in 5 s.
 *
 * @param strategy    what happens to siblings on a restart
 * @param maxRestarts restarts allowed within {@code period}; {@code >= 0}
 * @param period      the sliding window for {@code maxRestarts}; positive
 * @param children    the static children, started in this order and stopped in reverse
 * @param name        a name to register the supervisor under, or {@code null}
 */
public record SupervisorSpec(Strategy strategy, int maxRestarts, Duration period, List<ChildSpec> children, String name) {

    public static final int DEFAULT_MAX_RESTARTS = 3;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    public SupervisorSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(period, "period");
        children = List.copyOf(children);
        if (maxRestarts < 0) throw new IllegalArgumentException("maxRestarts must be >= 0: " + maxRestarts);
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive: " + period);
        Set<String> ids = new HashSet<>();
        for (ChildSpec child : children) {
            if (!ids.add(child.id())) throw new IllegalArgumentException("duplicate child id: " + child.id());
        }
    }

    /** A supervisor with the default intensity (3 restarts in 5 s) and no name. */
    public static SupervisorSpec of(Strategy strategy, ChildSpec... children) {
        return new SupervisorSpec(strategy, DEFAULT_MAX_RESTARTS, DEFAULT_PERIOD, List.of(children), null);
    }

    /** Like {@link #of(Strategy, ChildSpec...)} with a list of children. */
    public static SupervisorSpec of(Strategy strategy, List<ChildSpec> children) {
        return new SupervisorSpec(strategy, DEFAULT_MAX_RESTARTS, DEFAULT_PERIOD, children, null);
    }

    public SupervisorSpec withIntensity(int maxRestarts, Duration period) {
        return new SupervisorSpec(strategy, maxRestarts, period, children, name);
    }

    public SupervisorSpec withChildren(List<ChildSpec> children) {
        return new SupervisorSpec(strategy, maxRestarts, period, children, name);
    }

    public SupervisorSpec withName(String name) {
        return new SupervisorSpec(strategy, maxRestarts, period, children, name);
    }
}
