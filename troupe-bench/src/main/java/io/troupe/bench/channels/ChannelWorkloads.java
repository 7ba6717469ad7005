package io.troupe.bench.channels;

import io.troupe.Channel;
import io.troupe.Select;
import io.troupe.SelectCase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Channel workloads between plain virtual threads. Each side checks the stop flag between batches,
 * and every blocking call on the JDK side has a timeout, so all loops end soon after the window.
 */
final class ChannelWorkloads {
    private static final int BATCH = 1_000;

    private ChannelWorkloads() {
    }

    static Timed.Rate troupePingPong(double warmup, double measure) throws Exception {
        Channel<Integer> ping = Channel.unbuffered();
        Channel<Integer> pong = Channel.unbuffered();
        Timed.Run run = new Timed.Run();
        Thread echo = Thread.ofVirtual().start(() -> {
            for (Integer ball = ping.receive(); ball != null; ball = ping.receive()) pong.send(ball);
        });
        Thread driver = Thread.ofVirtual().start(() -> {
            while (!run.stop.get()) {
                for (int i = 0; i < BATCH; i++) {
                    ping.send(i);
                    pong.receive();
                }
                run.count.add(BATCH);
            }
            ping.close();
        });
        Timed.Rate rate = Timed.rate("round_trips_per_s", run.count::sum, warmup, measure);
        run.stop.set(true);
        driver.join(10_000);
        echo.join(10_000);
        return rate;
    }

    static Timed.Rate jdkPingPong(double warmup, double measure) throws Exception {
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        Timed.Run run = new Timed.Run();
        Thread echo = Thread.ofVirtual().start(() -> {
            try {
                for (Integer ball; (ball = ping.poll(1, TimeUnit.SECONDS)) != null && ball >= 0; ) pong.put(ball);
            } catch (InterruptedException ignored) {
                // end
            }
        });
        Thread driver = Thread.ofVirtual().start(() -> {
            try {
                while (!run.stop.get()) {
                    for (int i = 0; i < BATCH; i++) {
                        ping.put(i);
                        pong.take();
                    }
                    run.count.add(BATCH);
                }
                ping.put(-1);
            } catch (InterruptedException ignored) {
                // end
            }
        });
        Timed.Rate rate = Timed.rate("round_trips_per_s", run.count::sum, warmup, measure);
        run.stop.set(true);
        driver.join(10_000);
        echo.join(10_000);
        return rate;
    }

    static Timed.Rate troupeSelect4(double warmup, double measure) throws Exception {
        List<Channel<Integer>> channels = new ArrayList<>();
        Timed.Run run = new Timed.Run();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            Channel<Integer> channel = Channel.buffered(64);
            channels.add(channel);
            producers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; !run.stop.get(); i++) channel.send(i);
                channel.close();
            }));
        }
        SelectCase<?>[] cases = channels.stream().map(Channel::onReceive).toArray(SelectCase<?>[]::new);
        Thread consumer = Thread.ofVirtual().start(() -> {
            long received = 0;
            while (true) {
                if (!Select.select(cases).ok()) { // a producer closed its channel: the run is over
                    if (run.stop.get()) return;
                    continue;
                }
                if (++received % BATCH == 0) run.count.add(BATCH);
            }
        });
        Timed.Rate rate = Timed.rate("msgs_per_s", run.count::sum, warmup, measure);
        run.stop.set(true);
        consumer.join(2_000);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (producers.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            for (Channel<Integer> channel : channels) channel.tryReceive(); // frees a producer blocked on a full buffer
            Thread.sleep(1);
        }
        return rate;
    }

    static Timed.Rate jdkSharedQueue4(double warmup, double measure) throws Exception {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(256);
        Timed.Run run = new Timed.Run();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; !run.stop.get(); i++) {
                        if (!queue.offer(i, 100, TimeUnit.MILLISECONDS)) continue;
                    }
                } catch (InterruptedException ignored) {
                    // end
                }
            }));
        }
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                long received = 0;
                while (!run.stop.get()) {
                    if (queue.poll(100, TimeUnit.MILLISECONDS) != null && ++received % BATCH == 0) run.count.add(BATCH);
                }
            } catch (InterruptedException ignored) {
                // end
            }
        });
        Timed.Rate rate = Timed.rate("msgs_per_s", run.count::sum, warmup, measure);
        run.stop.set(true);
        consumer.join(2_000);
        for (Thread producer : producers) producer.join(2_000);
        return rate;
    }
}
