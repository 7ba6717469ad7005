package io.troupe.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The same messaging workloads on Apache Pekko typed actors, line for line the logic of
 * {@link TroupeWorkloads}: the same messages (preallocated where Troupe preallocates them), the same
 * batches and windows. Behaviors are {@code Behaviors.receiveMessage} lambdas returning
 * {@code Behaviors.same()}, the lightest typed idiom.
 */
final class PekkoWorkloads {
    private PekkoWorkloads() {
    }

    enum Signal { PONG, DATA, ACK }

    enum Reply { REPLY }

    record Ping(ActorRef<Object> from) {
    }

    record Go(long n, CountDownLatch done) {
    }

    record Start(long expected, CountDownLatch done) {
    }

    record DataAck(ActorRef<Object> from) {
    }

    record Req(ActorRef<Object> replyTo) {
    }

    record SpawnRequest(Behavior<Object> behavior, CompletableFuture<ActorRef<Object>> ref) {
    }

    /**
     * Pekko 1.7 with its default dispatcher as a fork-join pool of exactly 2 threads and
     * {@code throughput = 50} (the anchors' setting); typed actors keep their default
     * SingleConsumerOnlyUnboundedMailbox.
     */
    static Config config() {
        return ConfigFactory.parseString("""
                pekko {
                  loglevel = WARNING
                  stdout-loglevel = WARNING
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  actor.default-dispatcher {
                    executor = "fork-join-executor"
                    fork-join-executor {
                      parallelism-min = 2
                      parallelism-max = 2
                      parallelism-factor = 1.0
                    }
                    throughput = 50
                  }
                  coordinated-shutdown.run-by-jvm-shutdown-hook = off
                }
                """).withFallback(ConfigFactory.load());
    }

    /** The handler logic of one actor: the counterpart of a Troupe {@code Handler}. */
    interface Logic {
        void handle(Object message);
    }

    static Behavior<Object> behavior(Function<ActorContext<Object>, Logic> factory) {
        return Behaviors.setup(ctx -> {
            Logic logic = factory.apply(ctx);
            return Behaviors.receiveMessage(message -> {
                logic.handle(message);
                return Behaviors.same();
            });
        });
    }

    /** A system whose guardian spawns actors on request. */
    static final class Bench implements AutoCloseable {
        final ActorSystem<Object> system;

        Bench() {
            Behavior<Object> guardian = Behaviors.setup(ctx -> Behaviors.receiveMessage(message -> {
                if (message instanceof SpawnRequest request) {
                    request.ref().complete(ctx.spawnAnonymous(request.behavior()));
                }
                return Behaviors.same();
            }));
            system = ActorSystem.create(guardian, "bench", config());
        }

        ActorRef<Object> spawn(Behavior<Object> behavior) {
            CompletableFuture<ActorRef<Object>> ref = new CompletableFuture<>();
            system.tell(new SpawnRequest(behavior, ref));
            try {
                return ref.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("spawn failed", e);
            }
        }

        @Override
        public void close() {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("actor system did not terminate", e);
            }
        }
    }

    static Workload create(String kase) {
        return switch (kase) {
            case "ping-pong" -> pingPong();
            case "echo-64" -> echo(Sizes.ECHO_PAIRS);
            case "fan-in-2" -> fanIn(2);
            case "fan-in-8" -> fanIn(8);
            case "request-response" -> requestResponse();
            default -> throw new IllegalArgumentException("unknown case " + kase);
        };
    }

    // ------------------------------------------------------------------ ping-pong and echo

    static Behavior<Object> ponger() {
        return behavior(ctx -> message -> ((Ping) message).from().tell(Signal.PONG));
    }

    static Behavior<Object> pinger(ActorRef<Object> ponger) {
        return behavior(ctx -> new Logic() {
            private final Ping ping = new Ping(ctx.getSelf());
            private long left;
            private CountDownLatch done;

            @Override
            public void handle(Object message) {
                if (message instanceof Go go) {
                    left = go.n();
                    done = go.done();
                    ponger.tell(ping);
                } else if (--left > 0) {
                    ponger.tell(ping);
                } else {
                    done.countDown();
                }
            }
        });
    }

    static Behavior<Object> echoSender(ActorRef<Object> echo) {
        return behavior(ctx -> new Logic() {
            private final Ping ping = new Ping(ctx.getSelf());
            private long batchesLeft;
            private int outstanding;
            private CountDownLatch done;

            @Override
            public void handle(Object message) {
                if (message instanceof Go go) {
                    batchesLeft = go.n() / Sizes.ECHO_BATCH;
                    done = go.done();
                    sendBatch();
                } else if (--outstanding == 0) {
                    if (batchesLeft > 0) sendBatch(); else done.countDown();
                }
            }

            private void sendBatch() {
                batchesLeft--;
                outstanding = Sizes.ECHO_BATCH;
                for (int i = 0; i < Sizes.ECHO_BATCH; i++) echo.tell(ping);
            }
        });
    }

    static Workload pingPong() {
        Bench bench = new Bench();
        ActorRef<Object> ponger = bench.spawn(ponger());
        ActorRef<Object> pinger = bench.spawn(pinger(ponger));
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(1);
                pinger.tell(new Go(Sizes.PING_PONG_ROUND_TRIPS, done));
                Measure.await(done);
                return 2L * Sizes.PING_PONG_ROUND_TRIPS;
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }

    static Workload echo(int pairs) {
        Bench bench = new Bench();
        @SuppressWarnings("unchecked")
        ActorRef<Object>[] senders = new ActorRef[pairs];
        for (int i = 0; i < pairs; i++) {
            ActorRef<Object> echo = bench.spawn(ponger());
            senders[i] = bench.spawn(echoSender(echo));
        }
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(pairs);
                Go go = new Go(Sizes.ECHO_ROUND_TRIPS_PER_PAIR, done);
                for (ActorRef<Object> sender : senders) sender.tell(go);
                Measure.await(done);
                return 2L * Sizes.ECHO_ROUND_TRIPS_PER_PAIR * pairs;
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }

    // ------------------------------------------------------------------ fan-in

    static Behavior<Object> consumer() {
        return behavior(ctx -> new Logic() {
            private long received;
            private long expected = -1;
            private CountDownLatch done;

            @Override
            public void handle(Object message) {
                if (message == Signal.DATA) {
                    if (++received == expected) done.countDown();
                } else if (message instanceof DataAck ack) {
                    ack.from().tell(Signal.ACK);
                    if (++received == expected) done.countDown();
                } else if (message instanceof Start start) {
                    received = 0;
                    expected = start.expected();
                    done = start.done();
                }
            }
        });
    }

    static Behavior<Object> producer(ActorRef<Object> consumer) {
        return behavior(ctx -> new Logic() {
            private final DataAck last = new DataAck(ctx.getSelf());
            private long batchesLeft;
            private long acksLeft;
            private CountDownLatch done;

            @Override
            public void handle(Object message) {
                if (message instanceof Go go) {
                    batchesLeft = go.n() / Sizes.FAN_IN_ACK_BATCH;
                    acksLeft = batchesLeft;
                    done = go.done();
                    for (int i = 0; i < Sizes.FAN_IN_WINDOW_BATCHES && batchesLeft > 0; i++) sendBatch();
                } else { // Signal.ACK
                    if (batchesLeft > 0) sendBatch();
                    if (--acksLeft == 0) done.countDown();
                }
            }

            private void sendBatch() {
                batchesLeft--;
                for (int i = 1; i < Sizes.FAN_IN_ACK_BATCH; i++) consumer.tell(Signal.DATA);
                consumer.tell(last);
            }
        });
    }

    static Workload fanIn(int producers) {
        Bench bench = new Bench();
        ActorRef<Object> consumer = bench.spawn(consumer());
        @SuppressWarnings("unchecked")
        ActorRef<Object>[] senders = new ActorRef[producers];
        for (int i = 0; i < producers; i++) senders[i] = bench.spawn(producer(consumer));
        long perProducer = Sizes.FAN_IN_TOTAL / producers;
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(producers + 1);
                consumer.tell(new Start(perProducer * producers, done));
                Go go = new Go(perProducer, done);
                for (ActorRef<Object> sender : senders) sender.tell(go);
                Measure.await(done);
                return perProducer * producers;
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }

    // ------------------------------------------------------------------ request/response

    /**
     * Pekko's request/response idiom from outside an actor: {@code AskPattern.ask} (a temporary
     * reply actor and a timeout per call), awaited by a virtual thread, as Troupe's requester is a
     * threaded process on a virtual thread.
     */
    static Workload requestResponse() {
        Bench bench = new Bench();
        ActorRef<Object> server = bench.spawn(behavior(ctx -> message -> ((Req) message).replyTo().tell(Reply.REPLY)));
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        Duration timeout = Duration.ofMillis(Sizes.RR_CALL_TIMEOUT_MS);
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CompletableFuture<Void> done = new CompletableFuture<>();
                Thread.ofVirtual().start(() -> {
                    try {
                        for (long i = 0; i < Sizes.RR_CALLS; i++) {
                            if (i % Sizes.RR_SAMPLE_EVERY == 0) {
                                long start = System.nanoTime();
                                call();
                                histogram.recordValue(System.nanoTime() - start);
                            } else {
                                call();
                            }
                        }
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                });
                done.get(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS);
                return Sizes.RR_CALLS;
            }

            private void call() throws Exception {
                AskPattern.<Object, Object>ask(server, Req::new, timeout, bench.system.scheduler())
                        .toCompletableFuture().get();
            }

            @Override
            public void startMeasuring() {
                histogram.reset();
            }

            @Override
            public void reportExtra(Samples out) {
                TroupeWorkloads.reportLatency(histogram, out);
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }
}
