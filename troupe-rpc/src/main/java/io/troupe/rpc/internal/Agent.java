package io.troupe.rpc.internal;

import io.troupe.Down;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Node;
import io.troupe.node.NodeDown;
import io.troupe.node.NodeUp;
import io.troupe.rpc.NoSuchFunctionException;
import io.troupe.rpc.RemoteException;
import io.troupe.rpc.ServiceInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's RPC agent, registered locally as {@link #NAME}: receives the answers to this node's
 * calls, watches the hosts those calls went to, and keeps the directory replica in step with the
 * agents of the other nodes.
 *
 * <p>Directory protocol between agents (all messages on the node connections, so in order per
 * pair of nodes): a new service is {@link Protocol.Announce}d to every connected node; a service
 * that ends is {@link Protocol.Withdraw}n by the agent of its node (which monitors its local
 * hosts); when two nodes connect ({@link NodeUp}) each announces its own services to the other;
 * a new agent says {@link Protocol.Hello} to the nodes already connected, which answer with
 * their services; when a node goes down ({@link NodeDown}) its services are forgotten, calls to
 * it fail and calls from it are cancelled.
 */
final class Agent implements Handler {
    static final String NAME = "troupe.rpc";

    /** A service of this node was registered (local only). */
    record Registered(ServiceInfo info) {
    }

    /** A service of this node was closed by its owner (local only). */
    record Closed(ServiceInfo info) {
    }

    /**
     * Sent once the agent is registered under {@link #NAME} (local only): only then may it greet
     * the other nodes, or their answers could arrive before the name exists and be lost.
     */
    record NameRegistered() {
    }

    private final Directory directory;
    private final Calls calls;
    private final Node node; // null for a runtime that is not a node
    private final String self;
    private final Map<Pid, ServiceInfo> localHosts = new HashMap<>();

    Agent(Directory directory, Calls calls, Node node, String self) {
        this.directory = directory;
        this.calls = calls;
        this.node = node;
        this.self = self;
    }

    private void greet() {
        if (node == null) return;
        node.monitorNodes(true);
        for (String peer : node.nodes()) Troupe.send(Name.of(NAME, peer), new Protocol.Hello(self));
    }

    @Override
    public void handle(Object message) {
        switch (message) {
            case Protocol.Reply reply -> calls.complete(reply.id(), reply.value(), null);
            case Protocol.Failure failure -> calls.complete(failure.id(), null, call -> switch (failure.kind()) {
                case Protocol.Failure.NO_FUNCTION -> new NoSuchFunctionException(call.target.name(), call.function);
                default -> new RemoteException(call.target.name(), call.function, failure.type(), failure.message());
            });
            case Calls.Watch watch -> Troupe.monitor(watch.host());
            case NameRegistered ignored -> greet();
            case Down down -> {
                ServiceInfo local = localHosts.remove(down.pid());
                if (local != null) {
                    directory.remove(local.name(), local.host());
                    broadcast(new Protocol.Withdraw(local.name(), local.host()));
                }
                calls.hostDown(down.pid(), describe(down.reason()));
            }
            case Registered registered -> {
                localHosts.put(registered.info().host(), registered.info());
                directory.putAll(List.of(registered.info())); // authoritative here, whatever peers said meanwhile
                Troupe.monitor(registered.info().host());
                broadcast(new Protocol.Announce(self, List.of(registered.info())));
            }
            case Closed closed -> {
                localHosts.remove(closed.info().host());
                directory.remove(closed.info().name(), closed.info().host());
                broadcast(new Protocol.Withdraw(closed.info().name(), closed.info().host()));
            }
            case NodeUp up -> announceTo(up.node());
            case Protocol.Hello hello -> announceTo(hello.node());
            case Protocol.Announce announce -> directory.putAll(announce.services());
            case Protocol.Withdraw withdraw -> directory.remove(withdraw.name(), withdraw.host());
            case NodeDown down -> {
                directory.removeNode(down.node());
                calls.nodeDown(down.node());
                for (Pid host : localHosts.keySet()) Troupe.send(host, new ServiceHost.CallersGone(down.node()));
            }
            default -> {
            }
        }
    }

    private void announceTo(String peer) {
        // only services whose cluster-wide name is taken: one still racing for it must not be
        // announced, or it could replace the winner in the peer's directory
        List<ServiceInfo> mine = List.copyOf(localHosts.values());
        if (!mine.isEmpty()) Troupe.send(Name.of(NAME, peer), new Protocol.Announce(self, mine));
    }

    private void broadcast(Object message) {
        if (node == null) return;
        for (String peer : node.nodes()) Troupe.send(Name.of(NAME, peer), message);
    }

    private static String describe(ExitReason reason) {
        if (reason == ExitReason.NOCONNECTION) return "the connection to the service's node was lost";
        if (reason == ExitReason.NOPROC) return "the service's process is not running";
        return "the service's process ended (" + reason + ")";
    }
}
