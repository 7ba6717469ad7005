package io.troupe.node;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Messages.Ping;
import io.troupe.node.Messages.Pong;
import io.troupe.node.spi.Discovery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The main class of the node JVMs that multi-JVM tests start. Arguments: name, cookie, discovery
 * directory, failure-detection millis. It prints "ready <node>" when up, then obeys one command per
 * line on stdin (see {@link #command}) and prints one line per result; it closes at "close" or at
 * end of input, so it never outlives its test.
 */
public final class ChildNode {
    private ChildNode() {
    }

    public static void main(String[] args) throws Exception {
        NodeOptions options = NodeOptions.named(args[0])
                .withCookie(args[1])
                .withDiscovery(Discovery.sameHost(Path.of(args[2])))
                .withFailureDetection(Duration.ofMillis(Long.parseLong(args[3])))
                .withMessageTypes(Messages.TYPES);
        Node node = Node.start(options);
        startProcesses(node);
        say("ready " + node.node());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("close")) break;
            try {
                command(node, line.trim().split(" "));
            } catch (RuntimeException e) {
                say("error " + e);
            }
        }
        node.close();
        say("closed");
        System.exit(0);
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void startProcesses(Node node) {
        node.runtime().register("pong", node.runtime().spawn(() -> {
            for (int i = 0; i < 3; i++) {
                Ping ping = Troupe.receive(Ping.class);
                say("pong received ping");
                Troupe.send(ping.from(), new Pong(ping.round()));
            }
            say("pong finished");
        }));
        node.runtime().register("idle", node.runtime().spawn(() -> {
            while (true) {
                if (Troupe.receive() instanceof Ping ping) Troupe.send(ping.from(), Troupe.self());
            }
        }));
        node.registerFunction("pong", args -> {
            int rounds = (Integer) args.get(0);
            for (int i = 0; i < rounds; i++) {
                Ping ping = Troupe.receive(Ping.class);
                say("spawned pong received ping");
                Troupe.send(ping.from(), new Pong(ping.round()));
            }
            say("spawned pong finished");
        });
        node.registerFunction("ping", args -> {
            Pid pong = (Pid) args.get(0);
            Troupe.monitor(pong);
            for (int round = 1; ; round++) {
                Troupe.send(pong, new Ping(Troupe.self(), round));
                Object reply = Troupe.receive(m -> m instanceof Pong || m instanceof io.troupe.Down);
                if (reply instanceof io.troupe.Down) break;
                say("spawned ping received pong");
            }
            say("spawned ping finished");
        });
    }

    private static void command(Node node, String[] words) {
        switch (words[0]) {
            case "register-global" -> {
                Pid pid = node.runtime().spawn(() -> Troupe.receive(Messages.Stop.class));
                say("registered " + words[1] + " " + node.registerGlobal(words[1], pid) + " " + pid);
            }
            case "whereis" -> say("whereis " + words[1] + " " + node.whereisGlobal(words[1]).map(Object::toString).orElse("none"));
            case "unregister-global" -> say("unregistered " + words[1] + " " + node.unregisterGlobal(words[1]));
            case "ping" -> say("ping " + words[1] + " " + node.ping(words[1]));
            case "nodes" -> say("nodes " + node.nodes());
            default -> say("error unknown command " + words[0]);
        }
    }
}
