%% Erlang/OTP side of `bench/run core`: the same workloads as io.troupe.bench (troupe-bench), written
%% as plain receive loops. Compiled by bench/run into bench/.work/erlang and run as
%%
%%   erl -noshell +S 2 +P 2000000 -pa bench/.work/erlang -run troupe_bench main CASE WARMUP_S MEASURE_S N SPAWN_WARMUP
%%
%% It prints `SAMPLE impl=erlang case=C metric=M value=V` lines (or an `ERROR` line) and halts.
%% Keep the sizes below in step with io.troupe.bench.Sizes.
-module(troupe_bench).
-export([main/1]).

-define(PING_PONG_RT, 100000).
-define(ECHO_PAIRS, 64).
-define(ECHO_BATCH, 50).
-define(ECHO_RT_PER_PAIR, 2000).
-define(FAN_IN_TOTAL, 262144).
-define(ACK_BATCH, 1024).
-define(WINDOW_BATCHES, 4).
-define(RR_CALLS, 20000).
-define(RR_SAMPLE_EVERY, 8).
-define(RR_CALL_TIMEOUT_MS, 10000).
-define(TIMEOUT_MS, 60000).

main([Case, WarmupS, MeasureS, NS, SpawnWarmupS]) ->
    put(spawn_warmup, list_to_integer(SpawnWarmupS)),
    try
        run(Case, to_num(WarmupS), to_num(MeasureS), list_to_integer(NS)),
        halt(0)
    catch Class:Reason:Stack ->
        io:format("ERROR impl=erlang case=~s ~p:~p ~p~n", [Case, Class, Reason, Stack]),
        halt(3)
    end.

to_num(S) ->
    case string:to_float(S) of
        {F, []} -> F;
        _ -> list_to_integer(S)
    end.

sample(Case, Metric, Value) ->
    io:format("SAMPLE impl=erlang case=~s metric=~s value=~.3f~n", [Case, Metric, float(Value)]).

now_ns() -> erlang:monotonic_time(nanosecond).

%% ---------------------------------------------------------------- measurement loop

%% Runs Iter() (which returns the units it did) for Warmup seconds, then for at least Measure
%% seconds; returns units per second of the measured part.
rate(Iter, Warmup, Measure) ->
    warm(Iter, now_ns() + round(Warmup * 1.0e9)),
    erase(samples),
    T0 = now_ns(),
    {Units, T1} = measure(Iter, T0 + round(Measure * 1.0e9), 0),
    Units * 1.0e9 / (T1 - T0).

warm(Iter, End) ->
    Iter(),
    case now_ns() < End of
        true -> warm(Iter, End);
        false -> ok
    end.

measure(Iter, End, Acc) ->
    Units = Iter(),
    T = now_ns(),
    case T < End of
        true -> measure(Iter, End, Acc + Units);
        false -> {Acc + Units, T}
    end.

%% Driver-side wait: bounded.
await_done(0) -> ok;
await_done(K) ->
    receive done -> await_done(K - 1)
    after ?TIMEOUT_MS -> erlang:error({timeout, missing, K})
    end.

send_n(_, _, 0) -> ok;
send_n(To, Msg, K) -> To ! Msg, send_n(To, Msg, K - 1).

%% ---------------------------------------------------------------- cases

run("ping-pong" = Case, W, M, _) ->
    Ponger = spawn(fun ponger/0),
    Pinger = spawn(fun() -> pinger(Ponger) end),
    Iter = fun() ->
        Pinger ! {go, ?PING_PONG_RT, self()},
        await_done(1),
        2 * ?PING_PONG_RT
    end,
    sample(Case, "msgs_per_s", rate(Iter, W, M));

run("echo-64" = Case, W, M, _) ->
    Senders = [begin
                   Echo = spawn(fun ponger/0),
                   spawn(fun() -> echo_sender(Echo) end)
               end || _ <- lists:seq(1, ?ECHO_PAIRS)],
    Iter = fun() ->
        Self = self(),
        [S ! {go, ?ECHO_RT_PER_PAIR, Self} || S <- Senders],
        await_done(?ECHO_PAIRS),
        2 * ?ECHO_RT_PER_PAIR * ?ECHO_PAIRS
    end,
    sample(Case, "msgs_per_s", rate(Iter, W, M));

run("fan-in-" ++ PS = Case, W, M, _) ->
    P = list_to_integer(PS),
    PerProducer = ?FAN_IN_TOTAL div P,
    Consumer = spawn(fun() -> consumer(0, -1, none) end),
    Producers = [spawn(fun() -> producer(Consumer) end) || _ <- lists:seq(1, P)],
    Iter = fun() ->
        Self = self(),
        Consumer ! {start, P * PerProducer, Self},
        [Pr ! {go, PerProducer, Self} || Pr <- Producers],
        await_done(P + 1),
        P * PerProducer
    end,
    sample(Case, "msgs_per_s", rate(Iter, W, M));

run("request-response" = Case, W, M, _) ->
    Server = spawn(fun server/0),
    Client = spawn(fun() -> client(Server) end),
    Iter = fun() ->
        Client ! {go, ?RR_CALLS, self()},
        receive
            {done, Samples} ->
                put(samples, [Samples | case get(samples) of undefined -> []; L -> L end])
        after ?TIMEOUT_MS -> erlang:error(timeout)
        end,
        ?RR_CALLS
    end,
    sample(Case, "round_trips_per_s", rate(Iter, W, M)),
    Sorted = lists:sort(lists:append(get(samples))),
    sample(Case, "p50_us", percentile(Sorted, 50) / 1000),
    sample(Case, "p99_us", percentile(Sorted, 99) / 1000);

run("spawn-1m" = Case, _W, _M, N) ->
    case min(N, get(spawn_warmup)) of
        0 -> ok;
        Warm -> spawn_round(Case, Warm, false)
    end,
    spawn_round(Case, N, true);

run(Case, _, _, _) ->
    erlang:error({unknown_case, Case}).

percentile(Sorted, P) ->
    Len = length(Sorted),
    lists:nth(max(1, min(Len, (Len * P + 99) div 100)), Sorted).

%% ---------------------------------------------------------------- ping-pong and echo

ponger() ->
    receive {ping, From} -> From ! pong, ponger() end.

pinger(Ponger) -> pinger_idle(Ponger, {ping, self()}).

pinger_idle(Ponger, Ping) ->
    receive
        {go, N, Driver} ->
            ping_loop(Ponger, Ping, N),
            Driver ! done,
            pinger_idle(Ponger, Ping)
    end.

ping_loop(_, _, 0) -> ok;
ping_loop(Ponger, Ping, N) ->
    Ponger ! Ping,
    receive pong -> ping_loop(Ponger, Ping, N - 1) end.

echo_sender(Echo) -> echo_idle(Echo, {ping, self()}).

echo_idle(Echo, Ping) ->
    receive
        {go, N, Driver} ->
            echo_batches(Echo, Ping, N div ?ECHO_BATCH),
            Driver ! done,
            echo_idle(Echo, Ping)
    end.

echo_batches(_, _, 0) -> ok;
echo_batches(Echo, Ping, B) ->
    send_n(Echo, Ping, ?ECHO_BATCH),
    pongs(?ECHO_BATCH),
    echo_batches(Echo, Ping, B - 1).

pongs(0) -> ok;
pongs(K) -> receive pong -> pongs(K - 1) end.

%% ---------------------------------------------------------------- fan-in

consumer(Received, Expected, Driver) ->
    receive
        data ->
            R = Received + 1,
            done_if(R, Expected, Driver),
            consumer(R, Expected, Driver);
        {data_ack, From} ->
            From ! ack,
            R = Received + 1,
            done_if(R, Expected, Driver),
            consumer(R, Expected, Driver);
        {start, Exp, Drv} ->
            consumer(0, Exp, Drv)
    end.

done_if(R, R, Driver) -> Driver ! done;
done_if(_, _, _) -> ok.

producer(Consumer) -> producer_idle(Consumer, {data_ack, self()}).

producer_idle(Consumer, Last) ->
    receive
        {go, N, Driver} ->
            Batches = N div ?ACK_BATCH,
            First = min(Batches, ?WINDOW_BATCHES),
            send_batches(Consumer, Last, First),
            producer_run(Consumer, Last, Batches - First, Batches),
            Driver ! done,
            producer_idle(Consumer, Last)
    end.

producer_run(_, _, _, 0) -> ok;
producer_run(Consumer, Last, Left, AcksLeft) ->
    receive
        ack when Left > 0 ->
            send_batches(Consumer, Last, 1),
            producer_run(Consumer, Last, Left - 1, AcksLeft - 1);
        ack ->
            producer_run(Consumer, Last, Left, AcksLeft - 1)
    end.

send_batches(_, _, 0) -> ok;
send_batches(Consumer, Last, K) ->
    send_n(Consumer, data, ?ACK_BATCH - 1),
    Consumer ! Last,
    send_batches(Consumer, Last, K - 1).

%% ---------------------------------------------------------------- request/response

server() ->
    receive {req, From} -> From ! reply, server() end.

client(Server) -> client_idle(Server, {req, self()}).

client_idle(Server, Req) ->
    receive
        {go, N, Driver} ->
            Samples = calls(Server, Req, N, []),
            Driver ! {done, Samples},
            client_idle(Server, Req)
    end.

calls(_, _, 0, Acc) -> Acc;
calls(Server, Req, N, Acc) when N rem ?RR_SAMPLE_EVERY =:= 0 ->
    T0 = now_ns(),
    call(Server, Req),
    T1 = now_ns(),
    calls(Server, Req, N - 1, [T1 - T0 | Acc]);
calls(Server, Req, N, Acc) ->
    call(Server, Req),
    calls(Server, Req, N - 1, Acc).

call(Server, Req) ->
    Server ! Req,
    receive reply -> ok
    after ?RR_CALL_TIMEOUT_MS -> erlang:error(call_timeout)
    end.

%% ---------------------------------------------------------------- spawn

idle() ->
    receive {ping, From} -> From ! pong, idle() end.

spawn_n(_, 0, Acc) -> Acc;
spawn_n(Fun, K, Acc) -> spawn_n(Fun, K - 1, [spawn(Fun) | Acc]).

spawn_round(Case, N, Report) ->
    Alive = counters:new(1, [write_concurrency]),
    Body = fun() -> counters:add(Alive, 1, 1), idle() end,
    Base = erlang:system_info(process_count),
    erlang:garbage_collect(),
    M0 = erlang:memory(total),
    T0 = now_ns(),
    Pids = spawn_n(Body, N, []),
    wait_until(fun() -> counters:get(Alive, 1) >= N end, now_ns() + 2 * ?TIMEOUT_MS * 1000000),
    T1 = now_ns(),
    erlang:garbage_collect(),
    M1 = erlang:memory(total),
    T2 = now_ns(),
    Ping = {ping, self()},
    lists:foreach(fun(P) -> P ! Ping end, Pids),
    replies(N),
    T3 = now_ns(),
    lists:foreach(fun(P) -> exit(P, kill) end, Pids),
    wait_until(fun() -> erlang:system_info(process_count) =< Base end, now_ns() + 2 * ?TIMEOUT_MS * 1000000),
    T4 = now_ns(),
    case Report of
        true ->
            sample(Case, "seconds", (T1 - T0) / 1.0e9),
            sample(Case, "bytes_per_process", (M1 - M0) / N),
            sample(Case, "reply_seconds", (T3 - T2) / 1.0e9),
            sample(Case, "teardown_seconds", (T4 - T3) / 1.0e9);
        false -> ok
    end.

replies(0) -> ok;
replies(K) ->
    receive pong -> replies(K - 1)
    after ?TIMEOUT_MS -> erlang:error({timeout, missing_replies, K})
    end.

wait_until(Cond, Deadline) ->
    case Cond() of
        true -> ok;
        false ->
            case now_ns() > Deadline of
                true -> erlang:error(timeout);
                false -> receive after 1 -> wait_until(Cond, Deadline) end
            end
    end.
