package io.troupe.server.internal.app;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.Transport;
import io.troupe.node.spi.Discovery;
import io.troupe.rpc.NoSuchServiceException;
import io.troupe.rpc.Routing;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceInfo;
import io.troupe.rpc.ServiceSpec;
import io.troupe.server.ChannelService;
import io.troupe.server.Server;
import io.troupe.server.ServerApp;
import io.troupe.server.ServerInfo;
import io.troupe.server.Session;
import io.troupe.server.SessionService;
import io.troupe.server.config.AppConfig;
import io.troupe.server.config.ServerConfig;
import io.troupe.server.internal.connector.HybridConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Overview: one server of an app. It is a Troupe node named after its id; its RPC service (also
 * named after its id, typed by its server type) carries the app's remotes of its type and the
 * sys functions, and publishes its client address as attributes, so every server's directory is
 * the live server list. A frontend also runs a hybrid connector, whose callbacks become processes
 * (ConnectorBridge), and a push process that takes the push messages sent to its service in order.
 */
final class ServerImpl implements Server, ServerApp.RunningServer {
    private static final Logger LOG = LoggerFactory.getLogger(ServerImpl.class);
    private static final int PUSH_QUEUE = 100_000;

    private final AppDefinition app;
    private final ServerConfig config;
    private final ServerInfo declared;
    private final long startedAt = System.currentTimeMillis();
    private final FrontendSessions sessions = new FrontendSessions();
    private final Channels channels = new Channels(this);
    private final ConcurrentHashMap<String, Object> stubs = new ConcurrentHashMap<>();
    private final AtomicLong lostPushes = new AtomicLong();
    private Node node;
    private Rpc rpc;
    private Dispatcher dispatcher;
    private HybridConnector connector;
    private Pushes pushes;
    private Service service;
    private volatile ServerInfo info;

    private ServerImpl(AppDefinition app, ServerConfig config) {
        this.app = app;
        this.config = config;
        this.declared = ServerInfo.of(config);
        this.info = declared;
    }

    static ServerImpl start(AppDefinition app, AppConfig appConfig, String serverId, Discovery discovery, String cookie) {
        ServerConfig config = appConfig.server(serverId).orElseThrow(() -> new IllegalArgumentException(
                "no server '" + serverId + "' in the " + appConfig.environment() + " environment of servers.json"));
        ServerImpl server = new ServerImpl(app, config);
        try {
            server.startNode(appConfig, discovery, cookie);
            server.serve();
            return server;
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("server " + serverId + " could not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static String nodeName(ServerConfig config) {
        return config.id() + "@" + config.host();
    }

    private void startNode(AppConfig appConfig, Discovery discovery, String cookie) throws IOException {
        NodeOptions options = NodeOptions.named(nodeName(config)).withDiscovery(discovery)
                .withTransport(Transport.tcp(config.host(), config.port().orElse(0)))
                .withFailureDetection(Duration.ofSeconds(3));
        if (cookie != null) options = options.withCookie(cookie);
        node = Node.start(options);
        rpc = Rpc.of(node);
        for (ServerConfig other : appConfig.allServers()) {
            if (!other.id().equals(config.id()) && discovery.lookup(nodeName(other)).isPresent()) node.ping(nodeName(other));
        }
    }

    private void serve() throws IOException {
        HandlerTable handlers = HandlerTable.build(app, this);
        dispatcher = new Dispatcher(this, handlers);
        ServiceSpec spec = ServiceSpec.named(id()).withType(type()).withMessageCapacity(PUSH_QUEUE)
                .attribute("host", declared.host()).attribute("clientHost", declared.clientHost())
                .attribute("frontend", Boolean.toString(declared.frontend()));
        for (AppDefinition.RemoteSpec<?> remote : app.remotes().getOrDefault(type(), List.of())) spec = addRemote(spec, remote, this);
        spec = Sys.functions(spec, this);
        if (declared.frontend()) {
            var settings = ConnectorSetup.config(app, this, config);
            connector = HybridConnector.start(settings, new ConnectorBridge(this));
            pushes = new Pushes(sessions, connector);
            info = new ServerInfo(declared.id(), declared.type(), declared.host(), declared.clientHost(), connector.port(), true);
            spec = spec.attribute("clientPort", Integer.toString(connector.port()));
        }
        service = rpc.serve(spec);
        if (declared.frontend()) startPushProcess();
        for (var hook : app.onStart()) hook.accept(this);
        LOG.info("server {} ({}) is up on node {}{}", id(), type(), node.node(), connector == null ? "" : ", clients on port " + connector.port());
    }

    private static <T> ServiceSpec addRemote(ServiceSpec spec, AppDefinition.RemoteSpec<T> remote, ServerImpl server) {
        return spec.functions(remote.name(), remote.api(), remote.factory().apply(server));
    }

    /** Takes the pushes sent to this frontend, in the order each sender sent them. */
    private void startPushProcess() {
        Service pushService = service;
        Pid pusher = node.runtime().spawn(() -> {
            while (true) {
                Object message;
                try {
                    message = pushService.messages().receive();
                } catch (io.troupe.ChannelClosedException closed) {
                    return;
                }
                if (message instanceof Wire.Push push) {
                    try {
                        pushes.deliver(push.route(), Json.read(push.body()), push.uids(), push.boundOnly());
                    } catch (RuntimeException e) {
                        LOG.warn("push {} failed on {}", push.route(), id(), e);
                    }
                }
            }
        });
        LOG.debug("push process of {}: {} (ends when the service closes its queue)", id(), pusher);
    }

    // ---------------------------------------------------------------- Server

    @Override
    public ServerInfo info() {
        return info;
    }

    /** A type's servers as last converted, with the directory list they came from. */
    private record ServerList(List<ServiceInfo> source, List<ServerInfo> servers) {
    }

    private final ConcurrentHashMap<String, ServerList> serverLists = new ConcurrentHashMap<>();

    @Override
    public List<ServerInfo> servers(String type) {
        // Every forwarded request and routed remote asks: convert only when the directory changed
        // (it hands out the same immutable list until then).
        List<ServiceInfo> source = rpc.servicesOfType(type);
        ServerList cached = serverLists.get(type);
        if (cached != null && cached.source() == source) return cached.servers();
        List<ServerInfo> live = new ArrayList<>(source.size());
        for (ServiceInfo s : source) live.add(toServerInfo(s));
        List<ServerInfo> servers = List.copyOf(live);
        serverLists.put(type, new ServerList(source, servers));
        return servers;
    }

    static ServerInfo toServerInfo(ServiceInfo s) {
        var a = s.attributes();
        String host = a.getOrDefault("host", s.node().substring(s.node().indexOf('@') + 1));
        return new ServerInfo(s.name(), s.type(), host, a.getOrDefault("clientHost", host),
                Integer.parseInt(a.getOrDefault("clientPort", "0")), Boolean.parseBoolean(a.getOrDefault("frontend", "false")));
    }

    @Override
    public ChannelService channels() {
        return channels;
    }

    @Override
    public SessionService sessions() {
        return sessions;
    }

    @Override
    public <T> T remote(String serverType, Class<T> api, Session session) {
        List<ServerInfo> candidates = servers(serverType);
        if (candidates.isEmpty()) {
            throw new NoSuchServiceException(serverType, "no server of type '" + serverType + "' is running");
        }
        ServerInfo target = app.routeFunction(serverType).route(session, candidates);
        return remoteTo(target.id(), api);
    }

    @Override
    public <T> T remoteTo(String serverId, Class<T> api) {
        String name = app.remoteNames().get(api);
        if (name == null) throw new IllegalArgumentException(api.getName() + " is not a remote of this app (register it with ServerApp.Builder.remote)");
        return api.cast(stubs.computeIfAbsent(serverId + "/" + api.getName(),
                k -> rpc.stub(api, Routing.to(serverId).withNamespace(name).withTimeout(Dispatcher.FORWARD_TIMEOUT))));
    }

    @Override
    public Rpc rpc() {
        return rpc;
    }

    @Override
    public TroupeRuntime runtime() {
        return node.runtime();
    }

    @Override
    public Optional<Object> setting(String key) {
        return Optional.ofNullable(config.extra().get(key));
    }

    // ---------------------------------------------------------------- RunningServer

    @Override
    public Server server() {
        return this;
    }

    @Override
    public int clientPort() {
        return connector == null ? 0 : connector.port();
    }

    @Override
    public void close() {
        if (rpc != null) {
            for (var hook : app.onStop()) {
                try {
                    hook.accept(this);
                } catch (RuntimeException e) {
                    LOG.warn("an onStop hook of {} failed", id(), e);
                }
            }
        }
        if (connector != null) connector.close();
        if (service != null) service.close();
        if (node != null) node.close();
    }

    // ---------------------------------------------------------------- internals

    AppDefinition app() {
        return app;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    FrontendSessions frontendSessions() {
        return sessions;
    }

    Pushes pushes() {
        return pushes;
    }

    long startedAt() {
        return startedAt;
    }

    Node node() {
        return node;
    }

    void countLostPush(String frontendId) {
        if (lostPushes.incrementAndGet() % 1000 == 1) LOG.warn("pushes to {}: the frontend is gone ({} lost so far)", frontendId, lostPushes.get());
    }

    @Override
    public String toString() {
        return "Server[" + id() + "]";
    }
}
