package io.troupe.bench.rpc;

import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * grpc-java over plaintext HTTP/2 on 127.0.0.1, server and client in two JVMs, one channel.
 * No protoc: the methods are {@link MethodDescriptor}s with a {@code byte[]} marshaller (whose
 * stream is {@link KnownLength} and {@link Drainable}, as protobuf's is), served with
 * {@link ServerServiceDefinition#builder} and {@link ServerCalls}, called with {@link ClientCalls}.
 * Both the server and the channel use {@code directExecutor()} (the grpc-java performance advice
 * for non-blocking handlers; the grpc-java benchmarks do the same). Every unary call carries
 * {@code withDeadlineAfter}; a stream carries one deadline for its whole life (gRPC has no
 * per-message deadline).
 * <ul>
 *   <li>{@code grpc-unary}: unary calls ({@code Echo/Unary}, {@code Plus/Plus}); N outstanding
 *       async calls, each completion issuing the next; blocking calls when sequential.</li>
 *   <li>{@code grpc-bidi}: one bidi stream ({@code Echo/Bidi}): each message carries a slot and a
 *       correlation id that the reply must match; one-way: {@code Echo/Sink} counts and acks every
 *       {@link RpcSamples#ACK_EVERY} messages, the client honours outbound flow control (isReady).</li>
 * </ul>
 */
final class GrpcSide {
    private GrpcSide() {
    }

    /** A byte[] on the wire as is. */
    static final class Bytes extends ByteArrayInputStream implements KnownLength, Drainable {
        Bytes(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = count - pos;
            target.write(buf, pos, n);
            pos = count;
            return n;
        }
    }

    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new Bytes(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                if (stream instanceof KnownLength) { // grpc's own message streams are
                    byte[] bytes = new byte[stream.available()];
                    if (stream.readNBytes(bytes, 0, bytes.length) != bytes.length) throw new IOException("short message");
                    return bytes;
                }
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final MethodDescriptor<byte[], byte[]> UNARY = method("bench.Echo/Unary", MethodDescriptor.MethodType.UNARY);
    static final MethodDescriptor<byte[], byte[]> BIDI = method("bench.Echo/Bidi", MethodDescriptor.MethodType.BIDI_STREAMING);
    static final MethodDescriptor<byte[], byte[]> SINK = method("bench.Echo/Sink", MethodDescriptor.MethodType.BIDI_STREAMING);
    static final MethodDescriptor<byte[], byte[]> PLUS = method("bench.Plus/Plus", MethodDescriptor.MethodType.UNARY);

    private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setFullMethodName(name).setType(type)
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    // ------------------------------------------------------------------------------ server

    static void server() throws Exception {
        ServerServiceDefinition echo = ServerServiceDefinition.builder("bench.Echo")
                .addMethod(UNARY, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                }))
                .addMethod(BIDI, ServerCalls.asyncBidiStreamingCall(response -> new StreamObserver<byte[]>() {
                    @Override
                    public void onNext(byte[] message) {
                        response.onNext(message);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                        response.onCompleted();
                    }
                }))
                .addMethod(SINK, ServerCalls.asyncBidiStreamingCall(response -> new StreamObserver<byte[]>() {
                    private long count;

                    @Override
                    public void onNext(byte[] message) {
                        if (++count % RpcSamples.ACK_EVERY == 0) response.onNext(ByteBuffer.allocate(8).putLong(0, count).array());
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                        response.onCompleted();
                    }
                }))
                .build();
        ServerServiceDefinition plus = ServerServiceDefinition.builder("bench.Plus")
                .addMethod(PLUS, ServerCalls.asyncUnaryCall((request, response) -> {
                    ByteBuffer in = ByteBuffer.wrap(request);
                    response.onNext(ByteBuffer.allocate(4).putInt(0, in.getInt(0) + in.getInt(4)).array());
                    response.onCompleted();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .directExecutor()
                .addService(echo)
                .addService(plus)
                .build()
                .start();
        System.out.println("ready " + server.getPort());
        System.out.flush();
        server.awaitTermination();
    }

    // ------------------------------------------------------------------------------ client

    static void client(String impl, String kase, int port, long serverPid, double warmup, double measure) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .directExecutor()
                .build();
        try {
            byte[] warm = ClientCalls.blockingUnaryCall(channel, UNARY, deadline(), new byte[RpcSamples.PAYLOAD_BYTES]);
            if (warm.length != RpcSamples.PAYLOAD_BYTES) throw new IllegalStateException("bad echo");
            boolean bidi = impl.equals("grpc-bidi");
            switch (kase) {
                case "unary-64" -> {
                    if (bidi) bidiOutstanding(channel, RpcSamples.UNARY_OUTSTANDING, impl, kase, serverPid, warmup, measure);
                    else unaryOutstanding(channel, UNARY, RpcSamples.UNARY_OUTSTANDING, impl, kase, serverPid, warmup, measure);
                }
                case "plus-100" -> unaryOutstanding(channel, PLUS, RpcSamples.PLUS_CALLERS, impl, kase, serverPid, warmup, measure);
                case "sequential" -> sequential(channel, bidi, impl, serverPid, warmup, measure);
                case "oneway" -> oneway(channel, impl, serverPid, warmup, measure);
                default -> throw new IllegalArgumentException("unknown case " + kase);
            }
        } finally {
            channel.shutdownNow();
        }
    }

    private static final boolean DEADLINES = !Boolean.getBoolean("bench.grpc.noDeadline"); // for profiling only

    private static CallOptions deadline() {
        if (!DEADLINES) return CallOptions.DEFAULT;
        return CallOptions.DEFAULT.withDeadlineAfter(RpcSamples.CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** {@code n} outstanding async unary calls on one channel; each completion issues the next. */
    private static void unaryOutstanding(ManagedChannel channel, MethodDescriptor<byte[], byte[]> method, int n,
                                         String impl, String kase, long serverPid, double warmup, double measure) throws Exception {
        LongAdder calls = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean plus = method == PLUS;
        long end = System.nanoTime() + (long) ((warmup + measure + 1) * 1e9);
        final class Loop implements StreamObserver<byte[]> {
            void next() {
                if (System.nanoTime() - end >= 0 || failure.get() != null) return;
                byte[] request = plus ? ByteBuffer.allocate(8).putInt(0, 1).putInt(4, 2).array() : new byte[RpcSamples.PAYLOAD_BYTES];
                ClientCalls.asyncUnaryCall(channel.newCall(method, deadline()), request, this);
            }

            @Override
            public void onNext(byte[] value) {
                boolean ok = plus ? value.length == 4 && ByteBuffer.wrap(value).getInt(0) == 3 : value.length == RpcSamples.PAYLOAD_BYTES;
                if (!ok) failure.compareAndSet(null, new IllegalStateException("bad answer of " + value.length + " bytes"));
            }

            @Override
            public void onError(Throwable t) {
                failure.compareAndSet(null, t);
            }

            @Override
            public void onCompleted() {
                calls.increment();
                next();
            }
        }
        for (int i = 0; i < n; i++) new Loop().next();
        RpcSamples.throughput(impl, kase, "call", calls::sum, serverPid, warmup, measure);
        if (failure.get() != null) throw new IllegalStateException("a call failed", failure.get());
    }

    /**
     * {@code n} outstanding request messages on one bidi stream; each carries (slot, id) and its
     * reply must echo the id its slot is waiting for; the reply sends the slot's next message.
     */
    private static void bidiOutstanding(ManagedChannel channel, int n, String impl, String kase, long serverPid,
                                        double warmup, double measure) throws Exception {
        LongAdder calls = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] waiting = new long[n];
        AtomicLong ids = new AtomicLong();
        long end = System.nanoTime() + (long) ((warmup + measure + 1) * 1e9);
        Object lock = new Object();
        @SuppressWarnings("unchecked")
        StreamObserver<byte[]>[] requests = new StreamObserver[1];
        StreamObserver<byte[]> responses = new StreamObserver<>() {
            @Override
            public void onNext(byte[] reply) {
                ByteBuffer b = ByteBuffer.wrap(reply);
                int slot = b.getInt(0);
                if (reply.length != RpcSamples.PAYLOAD_BYTES || slot < 0 || slot >= n || waiting[slot] != b.getLong(4)) {
                    failure.compareAndSet(null, new IllegalStateException("uncorrelated reply"));
                    return;
                }
                calls.increment();
                if (System.nanoTime() - end < 0) send(slot);
            }

            private void send(int slot) {
                long id = ids.incrementAndGet();
                waiting[slot] = id;
                byte[] message = new byte[RpcSamples.PAYLOAD_BYTES];
                ByteBuffer.wrap(message).putInt(0, slot).putLong(4, id);
                synchronized (lock) {
                    requests[0].onNext(message);
                }
            }

            @Override
            public void onError(Throwable t) {
                failure.compareAndSet(null, t);
            }

            @Override
            public void onCompleted() {
            }
        };
        long streamDeadline = (long) ((warmup + measure) * 1000) + 30_000;
        synchronized (lock) {
            requests[0] = ClientCalls.asyncBidiStreamingCall(channel.newCall(BIDI,
                    CallOptions.DEFAULT.withDeadlineAfter(streamDeadline, TimeUnit.MILLISECONDS)), responses);
        }
        for (int slot = 0; slot < n; slot++) {
            long id = ids.incrementAndGet();
            waiting[slot] = id;
            byte[] message = new byte[RpcSamples.PAYLOAD_BYTES];
            ByteBuffer.wrap(message).putInt(0, slot).putLong(4, id);
            synchronized (lock) {
                requests[0].onNext(message);
            }
        }
        RpcSamples.throughput(impl, kase, "call", calls::sum, serverPid, warmup, measure);
        if (failure.get() != null) throw new IllegalStateException("the stream failed", failure.get());
        synchronized (lock) {
            requests[0].onCompleted();
        }
    }

    private static void sequential(ManagedChannel channel, boolean bidi, String impl, long serverPid,
                                   double warmup, double measure) throws Exception {
        Histogram rtt = new Histogram(3_600_000_000L, 3);
        byte[] payload = new byte[RpcSamples.PAYLOAD_BYTES];
        StreamObserver<byte[]> stream = null;
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread me = Thread.currentThread();
        if (bidi) {
            long streamDeadline = (long) ((warmup + measure) * 1000) + 30_000;
            stream = ClientCalls.asyncBidiStreamingCall(channel.newCall(BIDI,
                    CallOptions.DEFAULT.withDeadlineAfter(streamDeadline, TimeUnit.MILLISECONDS)), new StreamObserver<>() {
                @Override
                public void onNext(byte[] value) {
                    answer.set(value);
                    LockSupport.unpark(me);
                }

                @Override
                public void onError(Throwable t) {
                    answer.set(t);
                    LockSupport.unpark(me);
                }

                @Override
                public void onCompleted() {
                }
            });
        }
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measure * 1e9);
        boolean measuring = false;
        long calls = 0;
        long cpu0 = 0;
        long peer0 = 0;
        long id = 0;
        while (true) {
            long t0 = System.nanoTime();
            byte[] reply;
            if (bidi) {
                byte[] message = new byte[RpcSamples.PAYLOAD_BYTES];
                ByteBuffer.wrap(message).putLong(0, ++id);
                stream.onNext(message);
                Object got;
                while ((got = answer.getAndSet(null)) == null) LockSupport.park();
                if (got instanceof Throwable t) throw new IllegalStateException("the stream failed", t);
                reply = (byte[]) got;
                if (ByteBuffer.wrap(reply).getLong(0) != id) throw new IllegalStateException("uncorrelated reply");
            } else {
                reply = ClientCalls.blockingUnaryCall(channel, UNARY, deadline(), payload);
            }
            long t1 = System.nanoTime();
            if (reply.length != RpcSamples.PAYLOAD_BYTES) throw new IllegalStateException("bad echo");
            if (!measuring) {
                if (t1 >= measureFrom) {
                    measuring = true;
                    measureFrom = t1;
                    cpu0 = RpcSamples.cpuNanos(RpcSamples.selfPid());
                    peer0 = RpcSamples.cpuNanos(serverPid);
                }
                continue;
            }
            rtt.recordValue(t1 - t0);
            calls++;
            if (t1 >= measureTo) {
                RpcSamples.rate(impl, "sequential", "call", calls, t1 - measureFrom,
                        RpcSamples.cpuNanos(RpcSamples.selfPid()) - cpu0, peer0 < 0 ? -1 : RpcSamples.cpuNanos(serverPid) - peer0);
                break;
            }
        }
        if (stream != null) stream.onCompleted();
        RpcSamples.sample(impl, "sequential", "p50_us", rtt.getValueAtPercentile(50) / 1e3);
        RpcSamples.sample(impl, "sequential", "p99_us", rtt.getValueAtPercentile(99) / 1e3);
    }

    /** One-way messages on a bidi stream, at most WINDOW unacknowledged, honouring isReady(). */
    private static void oneway(ManagedChannel channel, String impl, long serverPid, double warmup, double measure) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread me = Thread.currentThread();
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<byte[]>[] requests = new ClientCallStreamObserver[1];
        long streamDeadline = (long) ((warmup + measure) * 1000) + 30_000;
        ClientCalls.asyncBidiStreamingCall(channel.newCall(SINK,
                CallOptions.DEFAULT.withDeadlineAfter(streamDeadline, TimeUnit.MILLISECONDS)), new ClientResponseObserver<byte[], byte[]>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<byte[]> requestStream) {
                requests[0] = requestStream;
                requestStream.setOnReadyHandler(() -> LockSupport.unpark(me));
            }

            @Override
            public void onNext(byte[] value) {
                acked.set(ByteBuffer.wrap(value).getLong(0));
                LockSupport.unpark(me);
            }

            @Override
            public void onError(Throwable t) {
                failure.compareAndSet(null, t);
                LockSupport.unpark(me);
            }

            @Override
            public void onCompleted() {
            }
        });
        ClientCallStreamObserver<byte[]> out = requests[0];
        long sent = 0;
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measure * 1e9);
        long ackedAtStart = -1;
        long lastAck = 0;
        long startNanos = 0;
        long selfCpu = 0;
        long peerCpu = 0;
        while (true) {
            if (failure.get() != null) throw new IllegalStateException("the stream failed", failure.get());
            long a = acked.get();
            if (a != lastAck) {
                lastAck = a;
                long now = System.nanoTime();
                if (ackedAtStart < 0 && now >= measureFrom) {
                    ackedAtStart = a;
                    startNanos = now;
                    selfCpu = RpcSamples.cpuNanos(RpcSamples.selfPid());
                    peerCpu = RpcSamples.cpuNanos(serverPid);
                } else if (ackedAtStart >= 0 && now >= measureTo) {
                    long peerUsed = peerCpu < 0 ? -1 : RpcSamples.cpuNanos(serverPid) - peerCpu;
                    RpcSamples.rate(impl, "oneway", "msg", a - ackedAtStart, now - startNanos,
                            RpcSamples.cpuNanos(RpcSamples.selfPid()) - selfCpu, peerUsed);
                    out.onCompleted();
                    return;
                }
            }
            if (sent - a < RpcSamples.WINDOW && out.isReady()) {
                out.onNext(new byte[RpcSamples.PAYLOAD_BYTES]);
                sent++;
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }
}
