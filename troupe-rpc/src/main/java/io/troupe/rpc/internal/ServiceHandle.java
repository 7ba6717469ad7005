package io.troupe.rpc.internal;

import io.troupe.Source;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceInfo;

/** What {@code serve} returns. */
final class ServiceHandle implements Service {
    private final ServiceInfo info;
    private final ServiceHost host;
    private final RpcRuntime rpc;

    ServiceHandle(ServiceInfo info, ServiceHost host, RpcRuntime rpc) {
        this.info = info;
        this.host = host;
        this.rpc = rpc;
    }

    @Override
    public ServiceInfo info() {
        return info;
    }

    @Override
    public Source<Object> messages() {
        return host.queue;
    }

    @Override
    public long dropped() {
        return host.dropped.get();
    }

    @Override
    public void close() {
        host.queue.close();
        rpc.close(info);
    }

    @Override
    public String toString() {
        return "Service[" + info.name() + " on " + info.node() + "]";
    }
}
