/**
 * Supervision for Troupe processes: OTP supervisors ({@link io.troupe.supervision.Supervisor}) and
 * Wippy-style services with restart backoff and dependencies
 * ({@link io.troupe.supervision.Services}).
 *
 * <p>{@code io.troupe.supervision} is the API. {@code io.troupe.supervision.internal} holds the
 * implementation and is exported to nobody.
 */
module io.troupe.supervision {
    requires transitive io.troupe.core;
    requires org.slf4j;

    // API
    exports io.troupe.supervision;
}
