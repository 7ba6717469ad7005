package io.troupe.app.internal;

import io.troupe.TroupeRuntime;
import io.troupe.app.AppDescriptor;
import io.troupe.app.EntryId;
import io.troupe.app.Lifecycle;
import io.troupe.app.ProcessEntry;
import io.troupe.app.RestartSettings;
import io.troupe.app.ServiceEntry;
import io.troupe.supervision.ChildStart;
import io.troupe.supervision.RestartPolicy;
import io.troupe.supervision.ServiceManager;
import io.troupe.supervision.ServiceSpec;
import io.troupe.supervision.Services;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Turns the descriptor's {@code process.service} entries into troupe-supervision
 * {@link ServiceSpec}s, named by entry id ({@code app:relay-service}), and starts the
 * {@link ServiceManager}. Requirements on hosts are dropped (hosts are always up).
 */
final class ServiceWiring {
    private ServiceWiring() {
    }

    static ServiceManager start(AppDescriptor descriptor, TroupeRuntime runtime, Map<EntryId, EntryPoint> entryPoints) {
        List<ServiceSpec> specs = descriptor.entries(ServiceEntry.class).stream()
                .map(service -> spec(descriptor, service, entryPoints)).toList();
        return Services.start(runtime, specs);
    }

    /** How long stopping every service may take: the sum of their stop timeouts, plus a margin. */
    static Duration stopAllTimeout(AppDescriptor descriptor) {
        return descriptor.entries(ServiceEntry.class).stream().map(s -> s.lifecycle().stopTimeout())
                .reduce(Duration.ofSeconds(1), Duration::plus);
    }

    private static ServiceSpec spec(AppDescriptor descriptor, ServiceEntry service, Map<EntryId, EntryPoint> entryPoints) {
        ProcessEntry process = (ProcessEntry) descriptor.entry(service.process()).orElseThrow();
        EntryPoint entryPoint = entryPoints.get(process.id());
        Context context = new Context(process.id(), service.input().isEmpty() ? process.args() : service.input(),
                process.config(), null);
        Lifecycle lifecycle = service.lifecycle();
        RestartSettings restart = lifecycle.restart();
        List<String> requires = lifecycle.requires().stream()
                .filter(id -> descriptor.entry(id).orElseThrow() instanceof ServiceEntry)
                .map(EntryId::toString).toList();
        return ServiceSpec.of(service.id().toString(), ChildStart.worker(new Keeper(() -> entryPoint.invoke(context))))
                .withAutoStart(lifecycle.autoStart())
                .withRestartPolicy(new RestartPolicy(restart.initialDelay(), restart.backoffFactor(), restart.maxDelay(),
                        restart.jitter(), restart.maxAttempts()))
                .withStableThreshold(lifecycle.stableThreshold())
                .withStartTimeout(lifecycle.startTimeout())
                .withStopTimeout(lifecycle.stopTimeout())
                .withRequires(requires);
    }
}
