package io.troupe.bench;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spawn workload on Pekko typed: a parent actor spawns N children with
 * {@code ctx.spawnAnonymous}; each child counts itself alive in its setup and then waits for a ping.
 * Teardown is Pekko's own: the parent stops, which stops its children; the guardian's
 * {@code Terminated} marks the end.
 */
final class PekkoSpawn {
    private PekkoSpawn() {
    }

    record StartParent(Behavior<Object> child, CompletableFuture<ActorRef<Object>> parent,
                       CompletableFuture<Void> terminated) {
    }

    record SpawnChildren(int n, CompletableFuture<Void> spawned) {
    }

    record PingAll(CompletableFuture<Void> done) {
    }

    enum Stop { STOP }

    static Behavior<Object> guardian() {
        return Behaviors.setup(ctx -> {
            CompletableFuture<?>[] terminated = new CompletableFuture<?>[1];
            return Behaviors.receive(Object.class)
                    .onMessage(StartParent.class, start -> {
                        ActorRef<Object> parent = ctx.spawn(parent(start.child()), "parent");
                        ctx.watch(parent);
                        terminated[0] = start.terminated();
                        start.parent().complete(parent);
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, signal -> {
                        terminated[0].complete(null);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    static Behavior<Object> child(AtomicInteger alive) {
        Behavior<Object> waiting = Behaviors.receiveMessage(message -> {
            ((PekkoWorkloads.Ping) message).from().tell(PekkoWorkloads.Signal.PONG);
            return Behaviors.same();
        });
        return Behaviors.setup(ctx -> {
            alive.incrementAndGet();
            return waiting;
        });
    }

    /** The parent: spawns the children, pings them all and counts the pongs, stops on STOP. */
    static Behavior<Object> parent(Behavior<Object> child) {
        return Behaviors.setup(ctx -> {
            var state = new Object() {
                ActorRef<Object>[] children;
                int pongs;
                CompletableFuture<Void> done;
            };
            return Behaviors.receiveMessage(message -> {
                if (message == PekkoWorkloads.Signal.PONG) {
                    if (++state.pongs == state.children.length) state.done.complete(null);
                } else if (message instanceof SpawnChildren spawn) {
                    @SuppressWarnings("unchecked")
                    ActorRef<Object>[] children = new ActorRef[spawn.n()];
                    for (int i = 0; i < children.length; i++) children[i] = ctx.spawnAnonymous(child);
                    state.children = children;
                    spawn.spawned().complete(null);
                } else if (message instanceof PingAll pingAll) {
                    state.pongs = 0;
                    state.done = pingAll.done();
                    PekkoWorkloads.Ping ping = new PekkoWorkloads.Ping(ctx.getSelf());
                    for (ActorRef<Object> c : state.children) c.tell(ping);
                } else if (message == Stop.STOP) {
                    return Behaviors.stopped();
                }
                return Behaviors.same();
            });
        });
    }

    /** A warm-up round of {@code warmup} actors (none if 0) in its own actor system, then the measured round. */
    static void run(int n, int warmup, Samples out) throws Exception {
        if (warmup > 0) round(Math.min(n, warmup), null);
        round(n, out);
    }

    private static void round(int n, Samples out) throws Exception {
        ActorSystem<Object> system = ActorSystem.create(guardian(), "spawn", PekkoWorkloads.config());
        try {
            AtomicInteger alive = new AtomicInteger();
            Behavior<Object> child = child(alive);
            CompletableFuture<ActorRef<Object>> parentRef = new CompletableFuture<>();
            CompletableFuture<Void> terminated = new CompletableFuture<>();
            system.tell(new StartParent(child, parentRef, terminated));
            ActorRef<Object> parent = parentRef.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            long heapBefore = Measure.heapUsedAfterGc(3);

            long t0 = System.nanoTime();
            CompletableFuture<Void> spawned = new CompletableFuture<>();
            parent.tell(new SpawnChildren(n, spawned));
            spawned.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            Measure.awaitCondition("all actors alive", () -> alive.get() >= n);
            long t1 = System.nanoTime();

            long heapAfter = out == null ? 0 : Measure.heapUsedAfterGc(1);

            long t2 = System.nanoTime();
            CompletableFuture<Void> replied = new CompletableFuture<>();
            parent.tell(new PingAll(replied));
            replied.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            long t3 = System.nanoTime();

            parent.tell(Stop.STOP);
            terminated.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            long t4 = System.nanoTime();

            if (out != null) {
                out.print("seconds", Measure.seconds(t0, t1));
                out.print("bytes_per_process", (double) (heapAfter - heapBefore) / n);
                out.print("reply_seconds", Measure.seconds(t2, t3));
                out.print("teardown_seconds", Measure.seconds(t3, t4));
            }
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
        }
    }
}
