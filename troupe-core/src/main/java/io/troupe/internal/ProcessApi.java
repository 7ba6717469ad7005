package io.troupe.internal;

import io.troupe.Cancellable;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Ref;
import io.troupe.Spawned;
import io.troupe.TroupeRuntime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/** The implementation behind {@link io.troupe.Troupe}: every call about "the calling process". */
public final class ProcessApi {
    private ProcessApi() {
    }

    private static ProcessCell self(String operation) {
        ProcessCell self = Current.process();
        if (self == null) {
            throw new IllegalStateException(operation + " must be called inside a Troupe process"
                    + " (spawn one, or use TroupeRuntime.run to make this thread a process)");
        }
        return self;
    }

    private static ThreadProcess threaded(String operation) {
        ProcessCell self = self(operation);
        if (self instanceof ThreadProcess process) {
            process.checkAlive();
            return process;
        }
        throw new IllegalStateException(operation + " blocks, so it is only for threaded processes;"
                + " a Handler process gets its messages through handle()");
    }

    public static Pid self() {
        return self("self()");
    }

    public static boolean inProcess() {
        return Current.process() != null;
    }

    public static boolean mayReceive() {
        return Current.process() instanceof ThreadProcess;
    }

    public static TroupeRuntime runtime() {
        return self("runtime()").runtime;
    }

    public static Pid spawn(Runnable body, boolean link) {
        ProcessCell self = self("spawn");
        return self.runtime.spawnThreaded(body, self, link, false).pid();
    }

    public static Pid spawn(Handler handler, boolean link) {
        ProcessCell self = self("spawn");
        return self.runtime.spawnHandler(handler, self, link, false).pid();
    }

    public static Spawned spawnMonitor(Runnable body) {
        ProcessCell self = self("spawnMonitor");
        return self.runtime.spawnThreaded(body, self, false, true);
    }

    public static Spawned spawnMonitor(Handler handler) {
        ProcessCell self = self("spawnMonitor");
        return self.runtime.spawnHandler(handler, self, false, true);
    }

    public static void send(Pid to, Object message) {
        // The common case costs no lookup: a process of a runtime without a distribution layer
        // can only be reached directly. Only a distributed runtime's processes (several nodes in
        // one JVM) must be reached through the sender's own node, to keep order with signals.
        if (to instanceof ProcessCell cell && !cell.runtime.isDistributed()) {
            cell.tell(Objects.requireNonNull(message, "message"));
            return;
        }
        ProcessCell self = Current.process();
        if (to instanceof ProcessCell cell && (self == null || cell.runtime == self.runtime)) {
            cell.tell(Objects.requireNonNull(message, "message"));
        } else if (self != null) {
            self.runtime.send(to, message);
        } else {
            throw new IllegalStateException("a send to a pid of another node must be made inside a Troupe process"
                    + " (or with TroupeRuntime.send)");
        }
    }

    public static void send(io.troupe.Name name, Object message) {
        self("send to a name on a node").runtime.send(name, message);
    }

    public static void send(String name, Object message) {
        self("send by name").runtime.send(name, message);
    }

    public static Object receive(Predicate<Object> filter, Duration timeout) {
        long nanos = timeout == null ? -1 : Math.max(0, timeout.toNanos());
        return threaded("receive").receive(filter, nanos);
    }

    public static void sleep(Duration duration) throws InterruptedException {
        ProcessCell self = Current.process();
        if (self == null) {
            Thread.sleep(duration);
        } else {
            threaded("sleep").sleep(duration.toNanos());
        }
    }

    public static void register(String name, Pid pid) {
        self("register").runtime.register(name, pid == null ? self("register") : pid);
    }

    public static boolean unregister(String name) {
        return self("unregister").runtime.unregister(name);
    }

    public static java.util.Optional<Pid> whereis(String name) {
        return self("whereis").runtime.whereis(name);
    }

    public static java.util.Set<String> registered() {
        return self("registered").runtime.registered();
    }

    public static void link(Pid pid) {
        ProcessCell self = self("link");
        ProcessCell other = self.runtime.resolve(pid);
        if (other == null && self.runtime.isRemote(pid)) {
            if (!self.linkRemote(pid)) throw new ProcessExit(self.exitReason());
            self.runtime.linkRemote(self, pid);
            return;
        }
        if (other == null || !ProcessCell.link(self, other)) {
            if (!self.isAlive()) throw new ProcessExit(self.exitReason());
            self.exitSignal(pid, ExitReason.NOPROC);
            if (!self.isAlive()) throw new ProcessExit(self.exitReason());
        }
    }

    public static void unlink(Pid pid) {
        ProcessCell self = self("unlink");
        ProcessCell other = self.runtime.resolve(pid);
        if (other != null) ProcessCell.unlink(self, other);
        else if (self.runtime.isRemote(pid)) self.runtime.unlinkRemote(self, pid);
    }

    public static Ref monitor(Pid pid) {
        ProcessCell self = self("monitor");
        return self.monitor(self.runtime.resolve(pid), pid);
    }

    public static boolean demonitor(Ref ref) {
        return self("demonitor").demonitor(ref);
    }

    public static boolean trapExit(boolean on) {
        return self("trapExit").setTrapExit(on);
    }

    public static void exit(ExitReason reason) {
        self("exit");
        throw new ProcessExit(Objects.requireNonNull(reason, "reason"));
    }

    public static void exit(Pid pid, ExitReason reason) {
        ProcessCell self = self("exit(pid, reason)");
        self.runtime.exit(pid, reason);
        if (!self.isAlive()) throw new ProcessExit(self.exitReason());
    }

    public static boolean isAlive(Pid pid) {
        if (pid instanceof ProcessCell cell) return cell.isAlive();
        return self("isAlive").runtime.isAlive(pid);
    }

    public static io.troupe.Source<Object> inbox() {
        ProcessCell self = self("inbox()");
        return new MailboxSource(self, message -> !isEvent(message)
                && !(message instanceof io.troupe.TopicMessage topic && self.isListened(topic.topic())), "inbox");
    }

    public static io.troupe.Source<Object> events() {
        return new MailboxSource(self("events()"), ProcessApi::isEvent, "events");
    }

    private static boolean isEvent(Object message) {
        return message instanceof io.troupe.Exit || message instanceof io.troupe.Down || message instanceof io.troupe.Cancel;
    }

    public static io.troupe.Source<Object> listen(String topic) {
        Objects.requireNonNull(topic, "topic");
        ProcessCell self = self("listen");
        self.listen(topic);
        return new MailboxSource(self, message -> message instanceof io.troupe.TopicMessage m && m.topic().equals(topic),
                "listen(" + topic + ")");
    }

    public static void unlisten(String topic) {
        self("unlisten").unlisten(topic);
    }

    public static void sendTopic(Pid to, String topic, Object payload) {
        checkTopic(topic);
        ProcessCell self = Current.process();
        if (self == null) {
            throw new IllegalStateException("send with a topic must be called inside a Troupe process (it carries the sender)");
        }
        self.runtime.send(to, new io.troupe.TopicMessage(topic, self, Objects.requireNonNull(payload, "payload")));
    }

    public static void sendTopic(String name, String topic, Object payload) {
        checkTopic(topic);
        ProcessCell self = self("send with a topic");
        self.runtime.send(name, new io.troupe.TopicMessage(topic, self, Objects.requireNonNull(payload, "payload")));
    }

    private static void checkTopic(String topic) {
        if (topic == null || topic.isEmpty() || topic.startsWith("@")) {
            throw new IllegalArgumentException("a topic must be non-empty and must not start with '@': " + topic);
        }
    }

    public static void cancel(Pid pid) {
        ProcessCell self = self("cancel");
        self.runtime.send(pid, new io.troupe.Cancel(self));
    }

    public static void coroutine(Runnable body) {
        threaded("coroutine").startCoroutine(Objects.requireNonNull(body, "body"));
    }

    private static GroupRegistry groups() {
        return self("process groups").runtime.groups();
    }

    public static void groupJoin(String group, Pid pid) {
        groups().join(Objects.requireNonNull(group, "group"), pid);
    }

    public static boolean groupLeave(String group, Pid pid) {
        return groups().leave(group, pid);
    }

    public static java.util.Set<Pid> groupMembers(String group) {
        return groups().members(group);
    }

    public static java.util.Set<String> groupNames() {
        return groups().groups();
    }

    public static int groupBroadcast(String group, Object message, Pid except) {
        return groups().broadcast(group, Objects.requireNonNull(message, "message"), except);
    }

    public static io.troupe.GroupMonitor groupMonitor(String group, Pid watcher) {
        return groups().monitor(Objects.requireNonNull(group, "group"), watcher);
    }

    public static boolean groupDemonitor(Ref ref) {
        return groups().demonitor(ref);
    }

    public static Cancellable sendAfter(Duration delay, Pid to, Object message) {
        ProcessCell self = self("sendAfter");
        Objects.requireNonNull(message, "message");
        return self.runtime.timers().schedule(delay.toNanos(), () -> self.runtime.send(to, message));
    }
}
