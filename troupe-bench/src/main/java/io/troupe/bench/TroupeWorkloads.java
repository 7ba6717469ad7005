package io.troupe.bench;

import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.RuntimeOptions;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The messaging workloads on Troupe. Each one exists in two forms: with handler processes
 * ({@code runtime.spawn(Handler)}, the same model as Pekko typed behaviors), and with threaded
 * processes ({@code runtime.spawn(Runnable)} running the very same handler logic in a
 * {@code while (true) handler.handle(Troupe.receive())} loop on their own virtual thread, the model of
 * Erlang processes).
 */
final class TroupeWorkloads {
    private TroupeWorkloads() {
    }

    enum Signal { PONG, DATA, ACK }

    enum Reply { REPLY }

    record Ping(Pid from) {
    }

    record Go(long n, CountDownLatch done) {
    }

    record Start(long expected, CountDownLatch done) {
    }

    record DataAck(Pid from) {
    }

    record Req(Pid from) {
    }

    static TroupeRuntime startRuntime() {
        return TroupeRuntime.start(RuntimeOptions.defaults().withSchedulerThreads(2));
    }

    /** A handler process, or a threaded process that runs the same handler in a receive loop. */
    static Pid spawn(TroupeRuntime runtime, boolean threaded, Handler handler) {
        if (!threaded) return runtime.spawn(handler);
        return runtime.spawn(() -> {
            try {
                handler.init();
                while (true) handler.handle(Troupe.receive());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Workload create(String kase, boolean threaded) {
        return switch (kase) {
            case "ping-pong" -> pingPong(threaded);
            case "echo-64" -> echo(threaded, Sizes.ECHO_PAIRS);
            case "fan-in-2" -> fanIn(threaded, 2);
            case "fan-in-8" -> fanIn(threaded, 8);
            case "request-response" -> requestResponse(threaded);
            default -> throw new IllegalArgumentException("unknown case " + kase);
        };
    }

    // ------------------------------------------------------------------ ping-pong and echo

    /** Replies PONG to whoever pinged it. Also the echo actor and the request/response server. */
    static final class Ponger implements Handler {
        @Override
        public void handle(Object message) {
            Troupe.send(((Ping) message).from(), Signal.PONG);
        }
    }

    /** Sends one ping, waits for the pong, n times. */
    static final class Pinger implements Handler {
        private final Pid ponger;
        private Ping ping;
        private long left;
        private CountDownLatch done;

        Pinger(Pid ponger) {
            this.ponger = ponger;
        }

        @Override
        public void init() {
            ping = new Ping(Troupe.self());
        }

        @Override
        public void handle(Object message) {
            if (message instanceof Go go) {
                left = go.n();
                done = go.done();
                Troupe.send(ponger, ping);
            } else if (--left > 0) {
                Troupe.send(ponger, ping);
            } else {
                done.countDown();
            }
        }
    }

    /** Puts a batch of pings in flight, waits for all the echoes, repeats. */
    static final class EchoSender implements Handler {
        private final Pid echo;
        private Ping ping;
        private long batchesLeft;
        private int outstanding;
        private CountDownLatch done;

        EchoSender(Pid echo) {
            this.echo = echo;
        }

        @Override
        public void init() {
            ping = new Ping(Troupe.self());
        }

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
            for (int i = 0; i < Sizes.ECHO_BATCH; i++) Troupe.send(echo, ping);
        }
    }

    static Workload pingPong(boolean threaded) {
        TroupeRuntime runtime = startRuntime();
        Pid ponger = spawn(runtime, threaded, new Ponger());
        Pid pinger = spawn(runtime, threaded, new Pinger(ponger));
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(1);
                runtime.send(pinger, new Go(Sizes.PING_PONG_ROUND_TRIPS, done));
                Measure.await(done);
                return 2L * Sizes.PING_PONG_ROUND_TRIPS;
            }

            @Override
            public void close() {
                runtime.close();
            }
        };
    }

    static Workload echo(boolean threaded, int pairs) {
        TroupeRuntime runtime = startRuntime();
        Pid[] senders = new Pid[pairs];
        for (int i = 0; i < pairs; i++) {
            Pid echo = spawn(runtime, threaded, new Ponger());
            senders[i] = spawn(runtime, threaded, new EchoSender(echo));
        }
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(pairs);
                Go go = new Go(Sizes.ECHO_ROUND_TRIPS_PER_PAIR, done);
                for (Pid sender : senders) runtime.send(sender, go);
                Measure.await(done);
                return 2L * Sizes.ECHO_ROUND_TRIPS_PER_PAIR * pairs;
            }

            @Override
            public void close() {
                runtime.close();
            }
        };
    }

    // ------------------------------------------------------------------ fan-in

    static final class Consumer implements Handler {
        private long received;
        private long expected = -1;
        private CountDownLatch done;

        @Override
        public void handle(Object message) {
            if (message == Signal.DATA) {
                if (++received == expected) done.countDown();
            } else if (message instanceof DataAck ack) {
                Troupe.send(ack.from(), Signal.ACK);
                if (++received == expected) done.countDown();
            } else if (message instanceof Start start) {
                received = 0;
                expected = start.expected();
                done = start.done();
            }
        }
    }

    /** Sends batches of ACK_BATCH messages, at most WINDOW_BATCHES un-acked. */
    static final class Producer implements Handler {
        private final Pid consumer;
        private DataAck last;
        private long batchesLeft;
        private long acksLeft;
        private CountDownLatch done;

        Producer(Pid consumer) {
            this.consumer = consumer;
        }

        @Override
        public void init() {
            last = new DataAck(Troupe.self());
        }

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
            for (int i = 1; i < Sizes.FAN_IN_ACK_BATCH; i++) Troupe.send(consumer, Signal.DATA);
            Troupe.send(consumer, last);
        }
    }

    static Workload fanIn(boolean threaded, int producers) {
        TroupeRuntime runtime = startRuntime();
        Pid consumer = spawn(runtime, threaded, new Consumer());
        Pid[] senders = new Pid[producers];
        for (int i = 0; i < producers; i++) senders[i] = spawn(runtime, threaded, new Producer(consumer));
        long perProducer = Sizes.FAN_IN_TOTAL / producers;
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(producers + 1);
                runtime.send(consumer, new Start(perProducer * producers, done));
                Go go = new Go(perProducer, done);
                for (Pid sender : senders) runtime.send(sender, go);
                Measure.await(done);
                return perProducer * producers;
            }

            @Override
            public void close() {
                runtime.close();
            }
        };
    }

    // ------------------------------------------------------------------ request/response

    static final class Server implements Handler {
        @Override
        public void handle(Object message) {
            Troupe.send(((Req) message).from(), Reply.REPLY);
        }
    }

    /**
     * The requester is a threaded process in both forms, since it blocks for each reply: it sends
     * {@code Req(self)} and waits with a selective {@code receive(Reply.class, timeout)}. The server is
     * a handler process, or (threaded form) a threaded process.
     */
    static Workload requestResponse(boolean threaded) {
        TroupeRuntime runtime = startRuntime();
        Pid server = spawn(runtime, threaded, new Server());
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        Duration timeout = Duration.ofMillis(Sizes.RR_CALL_TIMEOUT_MS);
        Pid client = runtime.spawn(() -> {
            Req req = new Req(Troupe.self());
            while (true) {
                Go go = (Go) Troupe.receive();
                for (long i = 0; i < go.n(); i++) {
                    if (i % Sizes.RR_SAMPLE_EVERY == 0) {
                        long start = System.nanoTime();
                        Troupe.send(server, req);
                        if (Troupe.receive(Reply.class, timeout) == null) throw new IllegalStateException("call timed out");
                        histogram.recordValue(System.nanoTime() - start);
                    } else {
                        Troupe.send(server, req);
                        if (Troupe.receive(Reply.class, timeout) == null) throw new IllegalStateException("call timed out");
                    }
                }
                go.done().countDown();
            }
        });
        return new Workload() {
            @Override
            public long iterate() throws Exception {
                CountDownLatch done = new CountDownLatch(1);
                runtime.send(client, new Go(Sizes.RR_CALLS, done));
                Measure.await(done);
                return Sizes.RR_CALLS;
            }

            @Override
            public void startMeasuring() {
                histogram.reset(); // the client is idle between iterations; the latch orders this
            }

            @Override
            public void reportExtra(Samples out) {
                reportLatency(histogram, out);
            }

            @Override
            public void close() {
                runtime.close();
            }
        };
    }

    static void reportLatency(Histogram histogram, Samples out) {
        out.print("p50_us", histogram.getValueAtPercentile(50) / 1e3);
        out.print("p99_us", histogram.getValueAtPercentile(99) / 1e3);
    }
}
