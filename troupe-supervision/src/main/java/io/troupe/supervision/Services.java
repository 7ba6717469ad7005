package io.troupe.supervision;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.internal.ServiceManagers;

import java.util.List;

/**
 * The entry point for services: starts a {@link ServiceManager} over a set of {@link ServiceSpec}s.
 *
 * <pre>{@code
 * ServiceManager services = Services.start(runtime, List.of(
 *         ServiceSpec.worker("database", Db::run).withAutoStart(true),
 *         ServiceSpec.handler("relay", Relay::new).withAutoStart(true).withRequires("database")));
 * services.subscribe(monitorPid);
 * ...
 * services.stopAll(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Services {
    private Services() {
    }

    /**
     * Checks the specs, starts the manager process (linked to nobody) and, in it, the auto-start
     * services in dependency order. Returns at once.
     *
     * @param subscribers processes to receive every {@link ServiceEvent}, including the first ones
     * @throws IllegalArgumentException before anything starts, if two services share a name, a
     *                                  service requires an unknown service, or the requirements
     *                                  form a cycle (the message names it: {@code a -> b -> a})
     */
    public static ServiceManager start(TroupeRuntime runtime, List<ServiceSpec> specs, Pid... subscribers) {
        return ServiceManagers.start(runtime, specs, List.of(subscribers));
    }
}
