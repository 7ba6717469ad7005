package io.troupe.rpc;

import io.troupe.Handler;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Services, calls and messages within one runtime (no node): the luanet scenarios that need no network. */
class RpcLocalTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private TroupeRuntime runtime;
    private Rpc rpc;

    @BeforeEach
    void start() {
        runtime = TroupeRuntime.start();
        rpc = Rpc.of(runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private Service plusServer() {
        return rpc.serve(ServiceSpec.named("PlusServer").function("Plus", args -> (Integer) args.get(0) + (Integer) args.get(1)));
    }

    @Test
    void callFromPlainThreadReturnsTheResult() {
        plusServer();
        assertThat(rpc.call("PlusServer", "Plus", List.of(1, 2), SECOND)).isEqualTo(3);
    }

    @Test
    void callFromThreadedProcessReturnsTheResult() {
        plusServer();
        Object[] result = new Object[1];
        runtime.run(() -> result[0] = Rpc.current().call("PlusServer", "Plus", List.of(20, 22), SECOND));
        assertThat(result[0]).isEqualTo(42);
    }

    @Test
    void registeringATakenNameFails() { // LN-1
        plusServer();
        assertThatThrownBy(this::plusServer).isInstanceOf(ServiceNameTakenException.class).hasMessageContaining("PlusServer");
        assertThat(rpc.lookup("PlusServer")).get().extracting(ServiceInfo::functions).isEqualTo(java.util.Set.of("Plus"));
    }

    @Test
    void unknownFunctionIsATypedError() { // LN-3
        plusServer();
        assertThatThrownBy(() -> rpc.call("PlusServer", "Minus", List.of(), SECOND))
                .isInstanceOf(NoSuchFunctionException.class).hasMessageContaining("Minus");
    }

    @Test
    void unknownServiceIsATypedError() { // LN-4
        assertThatThrownBy(() -> rpc.call("Nobody", "Plus", List.of(1, 2), SECOND))
                .isInstanceOf(NoSuchServiceException.class).hasMessageContaining("Nobody");
        assertThatThrownBy(() -> rpc.send("Nobody", "hi")).isInstanceOf(NoSuchServiceException.class);
    }

    @Test
    void aThrowingFunctionIsARemoteException() {
        rpc.serve(ServiceSpec.named("Bad").function("boom", args -> {
            throw new IllegalArgumentException("no " + args.get(0));
        }));
        assertThatThrownBy(() -> rpc.call("Bad", "boom", List.of("way"), SECOND))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.remoteType()).isEqualTo(IllegalArgumentException.class.getName());
                    assertThat(e.remoteMessage()).isEqualTo("no way");
                });
    }

    @Test
    void aTimedOutCallIsCancelledOnTheServer() {
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        rpc.serve(ServiceSpec.named("Slow").function("wait", args -> {
            started.countDown();
            Troupe.sleep(Duration.ofSeconds(30));
            finished.set(true);
            return "late";
        }));
        long before = runtime.processCount();
        assertThatThrownBy(() -> rpc.call("Slow", "wait", List.of(), Duration.ofMillis(200)))
                .isInstanceOf(CallTimeoutException.class).hasMessageContaining("200 ms");
        assertThat(started.getCount()).isZero();
        // the call's process on the server is ended, not left to run for 30 s
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.processCount() <= before);
        assertThat(finished).isFalse();
        assertThat(((io.troupe.rpc.internal.RpcRuntime) rpc).callsInFlight()).isZero();
    }

    @Test
    void aLateAnswerNeverReachesTheCallersMailbox() {
        CountDownLatch release = new CountDownLatch(1);
        rpc.serve(ServiceSpec.named("Late").function("f", args -> {
            release.await(5, TimeUnit.SECONDS); // not interruptible by Troupe? it is: cancel interrupts
            return "late";
        }));
        Object[] leftover = new Object[1];
        runtime.run(() -> {
            assertThatThrownBy(() -> Rpc.current().call("Late", "f", List.of(), Duration.ofMillis(100)))
                    .isInstanceOf(CallTimeoutException.class);
            release.countDown();
            leftover[0] = Troupe.receive(Duration.ofMillis(300));
        });
        assertThat(leftover[0]).isNull();
    }

    @Test
    void handlersMayBlockAndMakeNestedCalls() { // LN-8
        plusServer();
        rpc.serve(ServiceSpec.named("Twice").function("plusTwice", args -> {
            Object once = Rpc.current().call("PlusServer", "Plus", args, SECOND);
            return Rpc.current().call("PlusServer", "Plus", List.of(once, once), SECOND);
        }));
        assertThat(rpc.call("Twice", "plusTwice", List.of(1, 2), SECOND)).isEqualTo(6);
    }

    @Test
    void eachCallRunsInItsOwnProcessSoASlowCallDoesNotHoldUpOthers() {
        CountDownLatch release = new CountDownLatch(1);
        rpc.serve(ServiceSpec.named("Mixed")
                .function("slow", args -> release.await(10, TimeUnit.SECONDS))
                .function("fast", args -> "fast"));
        CompletableFuture<Object> slow = rpc.callAsync("Mixed", "slow", List.of(), Duration.ofSeconds(10));
        assertThat(rpc.call("Mixed", "fast", List.of(), SECOND)).isEqualTo("fast");
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.join()).isEqualTo(true);
    }

    @Test
    void hundredConcurrentCallersEachGetTheirOwnAnswers() { // LN-2, in one runtime
        plusServer();
        AtomicInteger ok = new AtomicInteger();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(100);
        for (int p = 0; p < 100; p++) {
            int base = p;
            runtime.spawn(() -> {
                try {
                    for (int k = 0; k < 100; k++) {
                        Object r = Rpc.current().call("PlusServer", "Plus", List.of(base, k), SECOND);
                        if (r.equals(base + k)) ok.incrementAndGet();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                } finally {
                    done.countDown();
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> done.getCount() == 0);
        assertThat(errors).isEmpty();
        assertThat(ok).hasValue(10_000);
    }

    @Test
    void messagesByNameArriveInOrderAndEachWaitingTakerGetsOne() { // LN-7
        Service b = rpc.serve(ServiceSpec.named("B"));
        for (int i = 0; i < 100; i++) rpc.send("B", "m" + i);
        List<Object> got = new ArrayList<>();
        runtime.run(() -> {
            for (int i = 0; i < 100; i++) got.add(b.take(SECOND));
        });
        assertThat(got).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "m" + i).toList());

        List<Object> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch waiting = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            runtime.spawn(() -> {
                waiting.countDown();
                taken.add(b.take(Duration.ofSeconds(5)));
            });
        }
        await().until(() -> waiting.getCount() == 0);
        for (int i = 0; i < 3; i++) rpc.send("B", "wake" + i);
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 3);
        assertThat(taken).containsExactlyInAnyOrder("wake0", "wake1", "wake2");
    }

    @Test
    void aFullMessageQueueDropsAndCountsInsteadOfBlocking() {
        Service small = rpc.serve(ServiceSpec.named("Small").withMessageCapacity(2));
        for (int i = 0; i < 5; i++) rpc.send("Small", i);
        await().atMost(Duration.ofSeconds(5)).until(() -> small.dropped() == 3);
    }

    @Test
    void typedStubsCallTypedServices() {
        rpc.serve("Plus", PlusService.class, new PlusService() {
            @Override
            public int plus(int a, int b) {
                return a + b;
            }

            @Override
            public String slow(long millis) throws InterruptedException {
                Troupe.sleep(Duration.ofMillis(millis));
                return "done";
            }
        });
        PlusService plus = rpc.stub(PlusService.class, "Plus");
        assertThat(plus.plus(1, 2)).isEqualTo(3);
        assertThat(plus.toString()).contains("PlusService");
        PlusService impatient = rpc.stub(PlusService.class, Routing.to("Plus").withTimeout(Duration.ofMillis(100)));
        assertThatThrownBy(() -> impatient.slow(5_000)).isInstanceOf(CallTimeoutException.class);
    }

    @Test
    void namespacedFunctionsServeSeveralInterfacesFromOneService() {
        PlusService impl = new PlusService() {
            @Override
            public int plus(int a, int b) {
                return a + b;
            }

            @Override
            public String slow(long millis) {
                return "quick";
            }
        };
        rpc.serve(ServiceSpec.named("server-1").functions("plusRemote", PlusService.class, impl).function("sys.ping", args -> "pong"));
        assertThat(rpc.lookup("server-1").orElseThrow().functions()).contains("plusRemote.plus", "plusRemote.slow", "sys.ping");
        PlusService stub = rpc.stub(PlusService.class, Routing.to("server-1").withNamespace("plusRemote"));
        assertThat(stub.plus(2, 3)).isEqualTo(5);
        assertThat(rpc.call("server-1", "sys.ping", List.of(), SECOND)).isEqualTo("pong");
    }

    @Test
    void overloadedInterfacesAreRefused() {
        interface Overloaded {
            int f(int a);

            int f(String a);
        }
        assertThatThrownBy(() -> rpc.stub(Overloaded.class, "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overloads f");
    }

    @Test
    void providersOfAFunctionAndRoutingAmongThem() {
        for (String name : List.of("chat-1", "chat-2", "chat-3")) {
            rpc.serve(ServiceSpec.named(name).withType("chat").function("whoami", args -> name).function("plus", args -> 0));
        }
        rpc.serve(ServiceSpec.named("other").function("plus", args -> 1));
        assertThat(rpc.providersOf("whoami")).extracting(ServiceInfo::name).containsExactly("chat-1", "chat-2", "chat-3");
        assertThat(rpc.providersOf("plus")).extracting(ServiceInfo::name).containsExactly("chat-1", "chat-2", "chat-3", "other");
        assertThat(rpc.servicesOfType("chat")).hasSize(3);

        interface WhoAmI {
            String whoami(String key);
        }
        WhoAmI rr = rpc.stub(WhoAmI.class, Routing.ofType("chat", Router.roundRobin()));
        assertThat(List.of(rr.whoami("a"), rr.whoami("a"), rr.whoami("a"))).containsExactlyInAnyOrder("chat-1", "chat-2", "chat-3");
        WhoAmI hashed = rpc.stub(WhoAmI.class, Routing.ofType("chat", Router.byKey(call -> call.arg(0))));
        for (String key : List.of("room-1", "room-2", "lobby")) {
            String expected = "chat-" + (1 + Router.crc32(key) % 3);
            assertThat(hashed.whoami(key)).isEqualTo(expected).isEqualTo(hashed.whoami(key));
        }
        WhoAmI custom = rpc.stub(WhoAmI.class, Routing.providers((call, candidates) -> candidates.getLast()));
        assertThat(custom.whoami("x")).isEqualTo("chat-3");
        WhoAmI none = rpc.stub(WhoAmI.class, Routing.ofType("nobody", Router.first()));
        assertThatThrownBy(() -> none.whoami("x")).isInstanceOf(NoSuchServiceException.class).hasMessageContaining("nobody");
    }

    @Test
    void aServiceEndsWithTheProcessThatRegisteredIt() {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        runtime.spawn(() -> {
            Rpc.current().serve(ServiceSpec.named("Owned").function("f", args -> 1));
            registered.countDown();
            try {
                end.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        await().until(() -> registered.getCount() == 0);
        assertThat(rpc.call("Owned", "f", List.of(), SECOND)).isEqualTo(1);
        end.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> rpc.lookup("Owned").isEmpty());
        assertThatThrownBy(() -> rpc.call("Owned", "f", List.of(), SECOND)).isInstanceOf(NoSuchServiceException.class);
        plusServer(); // and the name is free again
        rpc.serve(ServiceSpec.named("Owned"));
    }

    @Test
    void closingAServiceFailsItsCallsInFlightAndFreesTheName() {
        CountDownLatch started = new CountDownLatch(1);
        Service s = rpc.serve(ServiceSpec.named("Closing").function("hang", args -> {
            started.countDown();
            return Troupe.receive();
        }));
        CompletableFuture<Object> call = rpc.callAsync("Closing", "hang", List.of(), Duration.ofSeconds(10));
        await().until(() -> started.getCount() == 0);
        s.close();
        await().atMost(Duration.ofSeconds(2)).until(call::isDone);
        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasCauseInstanceOf(RemoteDisconnectedException.class);
        rpc.serve(ServiceSpec.named("Closing"));
    }

    @Test
    void aHandlerProcessMustUseCallAsync() {
        plusServer();
        CompletableFuture<Object> viaAsync = new CompletableFuture<>();
        CompletableFuture<Throwable> blocking = new CompletableFuture<>();
        var handler = runtime.spawn((Handler) message -> {
            try {
                Rpc.current().call("PlusServer", "Plus", List.of(1, 2), SECOND);
            } catch (IllegalStateException e) {
                blocking.complete(e);
            }
            Rpc.current().callAsync("PlusServer", "Plus", List.of(1, 2), SECOND).whenComplete((v, e) -> viaAsync.complete(v));
        });
        runtime.send(handler, "go");
        assertThat(blocking).succeedsWithin(SECOND).extracting(Throwable::getMessage).asString().contains("callAsync");
        assertThat(viaAsync).succeedsWithin(SECOND).isEqualTo(3);
    }

    @Test
    void callsAfterShutdownFailClearly() {
        plusServer();
        runtime.close();
        assertThatThrownBy(() -> rpc.call("PlusServer", "Plus", List.of(1, 2), SECOND))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
        assertThatThrownBy(() -> Rpc.of(runtime)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(Rpc::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a Troupe process");
    }
}
