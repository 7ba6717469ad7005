/**
 * Supervision for Troupe processes, in two flavours.
 *
 * <h2>OTP supervisors</h2>
 * A {@link io.troupe.supervision.Supervisor} restarts crashed children at once, by a
 * {@link io.troupe.supervision.Strategy} and each child's {@link io.troupe.supervision.Restart}
 * type, and gives up (escalating to its own supervisor) when restarts exceed its intensity. Use it
 * to build trees of processes that fail and recover together.
 *
 * <pre>{@code
 * runtime.run(() -> {
 *     Supervisor sup = Supervisor.startLink(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
 *             ChildSpec.handler("sessions", SessionTable::new),
 *             ChildSpec.worker("acceptor", acceptor::run).withShutdown(Duration.ofSeconds(2)),
 *             ChildSpec.supervisor("rooms", roomsSpec)));
 *     sup.startChild(ChildSpec.worker("janitor", janitor::run).withRestart(Restart.TRANSIENT));
 *     ...
 * });
 * }</pre>
 *
 * <h2>Services</h2>
 * A {@link io.troupe.supervision.ServiceManager} runs named, long-lived services as Wippy does:
 * retries with exponential backoff ({@link io.troupe.supervision.RestartPolicy}), dependencies,
 * start and stop timeouts, and a {@link io.troupe.supervision.ServiceEvent} per state change. Use it
 * for the top level of an application (what {@code troupe run app.yaml} starts); a service may
 * itself be a supervision tree ({@link io.troupe.supervision.ServiceSpec#supervisor}).
 *
 * <pre>{@code
 * ServiceManager services = Services.start(runtime, List.of(
 *         ServiceSpec.supervisor("db", dbTree).withAutoStart(true),
 *         ServiceSpec.handler("relay", Relay::new).withAutoStart(true).withRequires("db")),
 *     statusPrinter);
 * services.stopAll(Duration.ofSeconds(30));
 * }</pre>
 *
 * <h2>Common ground</h2>
 * Both start processes through a {@link io.troupe.supervision.ChildStart} (threaded, handler, nested
 * supervisor, or your own), link to them, trap exits, and stop them gracefully: exit signal
 * {@code SHUTDOWN} first (a process that traps exits gets an {@code Exit} message and may clean
 * up), {@code KILL} after the timeout.
 */
package io.troupe.supervision;
