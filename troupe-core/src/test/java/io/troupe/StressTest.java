package io.troupe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrency stress, bounded in count and time: many senders to one receiver, storms of links
 * and monitors, a million spawns. Every wait is a blocking receive with a deadline or Awaitility.
 */
class StressTest extends RuntimeTestSupport {

    static final Duration STRESS_PATIENCE = Duration.ofSeconds(60);
    static final int LONG_CHAIN = Integer.getInteger("troupe.test.longChain", 20_000);

    record Msg(int sender, int seq) {}
    record Result(long received, long outOfOrder, int[] lastSeq) {}

    // ------------------------------------------------------------------ many senders, one receiver

    static final int SENDERS = 8;
    static final int PER_SENDER = 100_000;

    /** Sends PER_SENDER messages, half the senders as processes, half as plain threads. */
    private void startSenders(Pid receiver) {
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            Runnable body = () -> {
                for (int i = 0; i < PER_SENDER; i++) runtime.send(receiver, new Msg(sender, i));
            };
            if (s % 2 == 0) runtime.spawn(body); else Thread.ofPlatform().start(body);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manySendersToOneThreadedReceiverLoseNothingAndKeepPerSenderOrder() {
        Result result = call(() -> {
            startSenders(Troupe.self());
            int[] next = new int[SENDERS];
            long received = 0;
            long outOfOrder = 0;
            for (long n = 0; n < (long) SENDERS * PER_SENDER; n++) {
                Msg msg = (Msg) Troupe.receive(STRESS_PATIENCE);
                if (msg == null) break;
                if (msg.seq() != next[msg.sender()]) outOfOrder++;
                next[msg.sender()] = msg.seq() + 1;
                received++;
            }
            assertThat(Troupe.receive(Duration.ofMillis(50))).as("no extra message").isNull();
            return new Result(received, outOfOrder, next);
        });
        assertThat(result.received()).isEqualTo((long) SENDERS * PER_SENDER);
        assertThat(result.outOfOrder()).isZero();
        for (int last : result.lastSeq()) assertThat(last).isEqualTo(PER_SENDER);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manySendersToOneHandlerReceiverLoseNothingAndKeepPerSenderOrder() {
        Result result = call(() -> {
            Pid root = Troupe.self();
            Pid receiver = Troupe.spawn(new Handler() {
                final int[] next = new int[SENDERS];
                long received;
                long outOfOrder;

                @Override
                public void handle(Object message) {
                    Msg msg = (Msg) message;
                    if (msg.seq() != next[msg.sender()]) outOfOrder++;
                    next[msg.sender()] = msg.seq() + 1;
                    if (++received == (long) SENDERS * PER_SENDER) {
                        Troupe.send(root, new Result(received, outOfOrder, next.clone()));
                    }
                }
            });
            startSenders(receiver);
            Result r = Troupe.receive(Result.class, STRESS_PATIENCE);
            assertThat(r).as("the handler saw every message").isNotNull();
            return r;
        });
        assertThat(result.received()).isEqualTo((long) SENDERS * PER_SENDER);
        assertThat(result.outOfOrder()).isZero();
        for (int last : result.lastSeq()) assertThat(last).isEqualTo(PER_SENDER);
    }

    // ------------------------------------------------------------------ link storm

    /** What a storm worker does once linked: its fate. */
    enum Fate { RETURN, CRASH, KILL_A_PEER, WAIT, TRAP_AND_WAIT }

    record Go(List<Pid> peers, Fate fate) {}
    record Linked(Pid pid) {}
    record Act() {}
    record Acted(Pid pid) {}

    static final class StormFailure extends RuntimeException {
        StormFailure() {
            super("storm", null, false, false);
        }
    }

    /** Phase 1, while every worker is alive: link to the first two peers and report. */
    static void prepare(Pid root, Go go) {
        if (go.fate() == Fate.TRAP_AND_WAIT) Troupe.trapExit(true);
        Troupe.link(go.peers().get(0));
        Troupe.link(go.peers().get(1));
        Troupe.send(root, new Linked(Troupe.self()));
    }

    /** Phase 2, all workers at once: link to the third peer (racing with its death), then meet the fate. */
    static void act(Pid root, Go go) {
        Troupe.link(go.peers().get(2));
        Troupe.send(root, new Acted(Troupe.self()));
        switch (go.fate()) {
            case RETURN -> Troupe.exit(ExitReason.NORMAL);
            case CRASH -> throw new StormFailure();
            case KILL_A_PEER -> Troupe.exit(go.peers().getFirst(), ExitReason.KILL);
            case WAIT, TRAP_AND_WAIT -> { }
        }
    }

    /** A storm worker as a handler process. */
    static final class HandlerWorker implements Handler {
        private final Pid root;
        private Go go;

        HandlerWorker(Pid root) {
            this.root = root;
        }

        @Override
        public void handle(Object message) {
            switch (message) {
                case Go first -> {
                    go = first;
                    prepare(root, go);
                }
                case Act a -> act(root, go);
                default -> { } // trapped Exit messages
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void linkStormEveryDownArrivesExactlyOnceAndNothingLeaks() {
        int baseline = runtime.processCount();
        int workers = 4_000;
        Map<String, Long> reasons = call(() -> {
            Pid root = Troupe.self();
            Random random = new Random(42);
            Map<Ref, Pid> monitors = new HashMap<>();
            Map<Pid, Fate> fateOf = new HashMap<>();
            List<Pid> pids = new ArrayList<>(workers);
            for (int i = 0; i < workers; i++) {
                Spawned spawned = i % 2 == 0
                        ? Troupe.spawnMonitor(() -> {
                            Go go = Troupe.receive(Go.class);
                            prepare(root, go);
                            Troupe.receive(Act.class);
                            act(root, go);
                            while (true) Troupe.receive(); // WAIT, TRAP_AND_WAIT, after KILL_A_PEER
                        })
                        : Troupe.spawnMonitor(new HandlerWorker(root));
                monitors.put(spawned.monitor(), spawned.pid());
                pids.add(spawned.pid());
            }
            Fate[] fates = Fate.values();
            for (int index = 0; index < workers; index++) {
                Pid pid = pids.get(index);
                List<Pid> peers = new ArrayList<>(3);
                int cluster = index / 10 * 10; // links stay within clusters of 10
                while (peers.size() < 3) {
                    Pid peer = pids.get(cluster + random.nextInt(10));
                    if (!peer.equals(pid)) peers.add(peer);
                }
                Fate fate = fates[random.nextInt(fates.length)];
                fateOf.put(pid, fate);
                Troupe.send(pid, new Go(List.copyOf(peers), fate));
            }
            for (int i = 0; i < workers; i++) {
                assertThat(Troupe.receive(Linked.class, STRESS_PATIENCE)).as("linked %s of %s", i, workers).isNotNull();
            }
            assertThat(Troupe.receive(Down.class, Duration.ZERO)).as("nobody died while linking").isNull();
            for (Pid pid : pids) Troupe.send(pid, new Act());

            // Collect Downs until every worker has acted (or died) and the storm has settled, then
            // end the survivors (trapping ones, and those whose links all ended normally).
            Map<Ref, ExitReason> downs = new HashMap<>();
            Set<Pid> actedOrDown = new HashSet<>();
            int duplicates = 0;
            boolean killedSurvivors = false;
            while (downs.size() < workers) {
                boolean settling = actedOrDown.size() == workers && !killedSurvivors;
                Object message = Troupe.receive(m -> m instanceof Down || m instanceof Acted,
                        settling ? Duration.ofMillis(200) : STRESS_PATIENCE);
                if (message == null) {
                    assertThat(settling).as("storm stalled with %s downs", downs.size()).isTrue();
                    for (Pid pid : pids) {
                        if (Troupe.isAlive(pid)) Troupe.exit(pid, ExitReason.KILL);
                    }
                    killedSurvivors = true;
                    continue;
                }
                if (message instanceof Acted(Pid pid)) {
                    actedOrDown.add(pid);
                    continue;
                }
                Down down = (Down) message;
                actedOrDown.add(down.pid());
                assertThat(monitors.get(down.ref())).isEqualTo(down.pid());
                if (downs.put(down.ref(), down.reason()) != null) duplicates++;
                if (down.reason() instanceof ExitReason.Normal) {
                    assertThat(fateOf.get(down.pid())).isEqualTo(Fate.RETURN);
                }
            }
            assertThat(duplicates).isZero();
            assertThat(downs.keySet()).isEqualTo(monitors.keySet());
            assertThat(downs.values()).allSatisfy(reason -> assertThat(reason).satisfiesAnyOf(
                    r -> assertThat(r).isIn(ExitReason.NORMAL, ExitReason.KILLED, ExitReason.NOPROC),
                    r -> assertThat(r).isInstanceOfSatisfying(ExitReason.Failure.class,
                            f -> assertThat(f.cause()).isInstanceOf(StormFailure.class))));
            // No Down twice, even late.
            assertThat(Troupe.receive(m -> m instanceof Down, Duration.ofMillis(100))).isNull();
            Map<String, Long> byKind = new java.util.TreeMap<>();
            downs.values().forEach(r -> byKind.merge(r.getClass().getSimpleName(), 1L, Long::sum));
            byKind.put("crash fates", fateOf.values().stream().filter(f -> f == Fate.CRASH).count());
            return byKind;
        });
        // The storm really stormed: crashes and kills spread through links.
        assertThat(reasons).containsKeys("Failure", "Killed", "Normal");
        assertThat(reasons.get("Failure")).as("crashes spread through links: %s", reasons)
                .isGreaterThan(reasons.get("crash fates"));
        awaitProcessCount(baseline);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLongChainOfLinksDiesWholeWithoutOverflowingTheStack() {
        int baseline = runtime.processCount();
        int length = LONG_CHAIN;
        call(() -> {
            Pid root = Troupe.self();
            List<Spawned> chain = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                Pid previous = i == 0 ? null : chain.get(i - 1).pid();
                chain.add(i % 2 == 0
                        ? Troupe.spawnMonitor(() -> {
                            if (previous != null) Troupe.link(previous);
                            Troupe.send(root, new Linked(Troupe.self()));
                            Troupe.receive();
                            Troupe.exit("end of the chain");
                        })
                        : Troupe.spawnMonitor(new Handler() {
                            @Override
                            public void init() {
                                if (previous != null) Troupe.link(previous);
                                Troupe.send(root, new Linked(Troupe.self()));
                            }

                            @Override
                            public void handle(Object message) {
                                Troupe.exit("end of the chain");
                            }
                        }));
            }
            for (int i = 0; i < length; i++) {
                assertThat(Troupe.receive(Linked.class, STRESS_PATIENCE)).as("linked %s", i).isNotNull();
            }
            Troupe.send(chain.getLast().pid(), "go");
            Map<Ref, Down> downs = new HashMap<>();
            while (downs.size() < length) {
                Down down = Troupe.receive(Down.class, STRESS_PATIENCE);
                assertThat(down).as("Down %s of %s", downs.size(), length).isNotNull();
                assertThat(downs.put(down.ref(), down)).isNull();
            }
            for (Spawned link : chain) {
                assertThat(downs.get(link.monitor()).reason()).isEqualTo(new ExitReason.Value("end of the chain"));
            }
            return null;
        });
        awaitProcessCount(baseline);
    }

    // ------------------------------------------------------------------ monitor storm

    record Watch(Pid replyTo, List<Pid> targets) {}
    record Tally(int expected, int downs, int duplicates, int forDemonitored, int unknown) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void monitorStormEveryDownArrivesExactlyOnceAndNoneAfterDemonitor() {
        int baseline = runtime.processCount();
        int targets = 2_000;
        int watchers = 200;
        int perWatcher = 50;
        List<Tally> tallies = call(() -> {
            Pid root = Troupe.self();
            List<Pid> targetPids = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                int n = i;
                targetPids.add(n % 2 == 0
                        ? Troupe.spawn(() -> {
                            Troupe.receive();
                            if (n % 4 == 0) throw new StormFailure();
                        })
                        : Troupe.spawn((Handler) message -> Troupe.exit(n % 3 == 0 ? "bye" : ExitReason.NORMAL)));
            }
            List<Pid> watcherPids = new ArrayList<>();
            for (int w = 0; w < watchers; w++) watcherPids.add(Troupe.spawn(StressTest::watcher));

            // Hand out the targets while a separate process ends them: deaths race with monitor calls.
            Random random = new Random(7);
            for (Pid watcher : watcherPids) {
                List<Pid> watch = new ArrayList<>(perWatcher);
                for (int i = 0; i < perWatcher; i++) watch.add(targetPids.get(random.nextInt(targets)));
                Troupe.send(watcher, new Watch(root, List.copyOf(watch)));
            }
            Troupe.spawn(() -> {
                for (Pid target : targetPids) Troupe.send(target, "die");
            });
            List<Tally> out = new ArrayList<>();
            for (int w = 0; w < watchers; w++) {
                Tally tally = Troupe.receive(Tally.class, STRESS_PATIENCE);
                assertThat(tally).as("tally %s of %s", w, watchers).isNotNull();
                out.add(tally);
            }
            return out;
        });
        assertThat(tallies).hasSize(watchers);
        for (Tally tally : tallies) {
            assertThat(tally.downs()).isEqualTo(tally.expected());
            assertThat(tally.duplicates()).isZero();
            assertThat(tally.forDemonitored()).isZero();
            assertThat(tally.unknown()).isZero();
        }
        awaitProcessCount(baseline);
    }

    /** Monitors its targets, drops every fifth monitor at once, and counts the Downs it gets. */
    static void watcher() {
        Watch watch = Troupe.receive(Watch.class);
        Map<Ref, Pid> active = new HashMap<>();
        Set<Ref> dropped = new HashSet<>();
        int i = 0;
        for (Pid target : watch.targets()) {
            Ref ref = Troupe.monitor(target);
            if (i++ % 5 == 0) {
                Troupe.demonitor(ref);
                dropped.add(ref);
            } else {
                active.put(ref, target);
            }
        }
        Set<Ref> seen = new HashSet<>();
        int duplicates = 0;
        int forDropped = 0;
        int unknown = 0;
        while (seen.size() < active.size()) {
            Down down = Troupe.receive(Down.class, STRESS_PATIENCE);
            if (down == null) break;
            if (dropped.contains(down.ref())) forDropped++;
            else if (!down.pid().equals(active.get(down.ref()))) unknown++;
            else if (!seen.add(down.ref())) duplicates++;
        }
        // Anything that arrives late is a bug too.
        for (Object late = Troupe.receive(Duration.ofMillis(20)); late != null; late = Troupe.receive(Duration.ofMillis(20))) {
            if (late instanceof Down down) {
                if (dropped.contains(down.ref())) forDropped++;
                else if (seen.contains(down.ref())) duplicates++;
                else unknown++;
            }
        }
        Troupe.send(watch.replyTo(), new Tally(active.size(), seen.size(), duplicates, forDropped, unknown));
    }

    // ------------------------------------------------------------------ a million spawns

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMillionShortLivedProcesses() {
        int baseline = runtime.processCount();
        int total = 1_000_000;
        int spawners = 4;
        AtomicInteger ran = new AtomicInteger();
        call(() -> {
            List<Ref> refs = new ArrayList<>();
            for (int s = 0; s < spawners; s++) {
                refs.add(Troupe.spawnMonitor(() -> {
                    for (int i = 0; i < total / spawners; i++) {
                        // half threaded, half handler processes that end in init
                        if ((i & 1) == 0) Troupe.spawn(ran::incrementAndGet);
                        else Troupe.spawn(new ExitingHandler(ran));
                    }
                }).monitor());
            }
            for (Ref ref : refs) {
                Object down = Troupe.receive(m -> m instanceof Down d && d.ref().equals(ref), STRESS_PATIENCE);
                assertThat(down).isNotNull();
                assertThat(((Down) down).reason()).isEqualTo(ExitReason.NORMAL);
            }
            return null;
        });
        await().atMost(STRESS_PATIENCE).untilAsserted(() -> {
            assertThat(ran.get()).isEqualTo(total);
            assertThat(runtime.processCount()).isEqualTo(baseline);
        });
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMillionBlockedProcessesAreAllCleanedUp() throws Exception {
        int total = 1_000_000;
        int threaded = 100_000; // parked virtual threads; the rest are idle handler processes
        try (TroupeRuntime big = TroupeRuntime.start(RuntimeOptions.defaults().withShutdownTimeout(STRESS_PATIENCE))) {
            AtomicInteger blocked = new AtomicInteger();
            for (int i = 0; i < total; i++) {
                if (i < threaded) {
                    big.spawn(() -> {
                        blocked.incrementAndGet();
                        Troupe.receive();
                    });
                } else {
                    big.spawn((Handler) message -> { });
                }
            }
            assertThat(big.processCount()).isEqualTo(total);
            await().atMost(STRESS_PATIENCE).until(() -> blocked.get() == threaded);
            big.shutdown();
            assertThat(big.awaitTermination(STRESS_PATIENCE)).isTrue();
            assertThat(big.processCount()).isZero();
        }
    }

    /** A handler process that ends as soon as it starts. */
    record ExitingHandler(AtomicInteger ran) implements Handler {
        @Override
        public void init() {
            ran.incrementAndGet();
            Troupe.exit(ExitReason.NORMAL);
        }

        @Override
        public void handle(Object message) {
        }
    }
}
