%% Two-node benchmark of Erlang distribution, the peer of bench/run nodes (see NodesDriver.java):
%% the same workload as the Troupe and Pekko sides (performance-anchors 7(c)): 100-byte binaries
%% one way with a window of 50k and an ack every 10k, and a remote ping-pong.
%%
%%   erl -sname R -setcookie C -noshell +S 2 -run nodes_bench receiver
%%   erl -sname S -setcookie C -noshell +S 2 -run nodes_bench sender CASE R@HOST WARMUP MEASURE RECEIVER_OS_PID
-module(nodes_bench).
-export([receiver/0, sender/1]).

-define(ACK_EVERY, 10000).
-define(WINDOW, 50000).
-define(PAYLOAD_BYTES, 100).

receiver() ->
    register(sink, self()),
    io:format("ready ~s~n", [node()]),
    sink(undefined, false, 0).

sink(From, Echo, N) ->
    receive
        {start, Pid, Mode} ->
            Pid ! {sink, self()},
            sink(Pid, Mode =:= echo, 0);
        Bin when is_binary(Bin), Echo ->
            From ! Bin,
            sink(From, Echo, N);
        Bin when is_binary(Bin) ->
            N1 = N + 1,
            case N1 rem ?ACK_EVERY of
                0 -> From ! {ack, N1};
                _ -> ok
            end,
            sink(From, Echo, N1)
    end.

sender([Case, Peer, Warmup, Measure, PeerPid]) ->
    Node = list_to_atom(Peer),
    true = net_kernel:connect_node(Node),
    Payload = binary:copy(<<0>>, ?PAYLOAD_BYTES),
    Mode = case Case of "one-way" -> count; "ping-pong" -> echo end,
    {sink, Node} ! {start, self(), Mode},
    Sink = receive {sink, S} -> S after 30000 -> exit(no_sink) end,
    Now = erlang:monotonic_time(nanosecond),
    From = Now + seconds(Warmup),
    To = From + seconds(Measure),
    case Mode of
        count -> one_way(Sink, Payload, 0, 0, From, To, undefined, PeerPid);
        echo -> ping_pong(Sink, Payload, From, To, [], 0)
    end,
    halt(0).

seconds(Text) ->
    {Value, _} = string:to_float(Text ++ ".0"),
    round(Value * 1.0e9).

one_way(Sink, Payload, Sent, Acked, From, To, Start, PeerPid) when Sent - Acked < ?WINDOW ->
    Sink ! Payload,
    one_way(Sink, Payload, Sent + 1, Acked, From, To, Start, PeerPid);
one_way(Sink, Payload, Sent, _Acked, From, To, Start, PeerPid) ->
    Acked = receive {ack, N} -> N end,
    Now = erlang:monotonic_time(nanosecond),
    if
        Start =:= undefined, Now >= From ->
            one_way(Sink, Payload, Sent, Acked, From, To,
                    {Acked, Now, cpu(os:getpid()), cpu(PeerPid)}, PeerPid);
        Start =/= undefined, Now >= To ->
            {Acked0, Then, SelfCpu, PeerCpu} = Start,
            Messages = Acked - Acked0,
            sample("one-way", "msgs_per_s", Messages * 1.0e9 / (Now - Then)),
            sample("one-way", "sender_cpu_us_per_msg", (cpu(os:getpid()) - SelfCpu) / 1.0e3 / Messages),
            sample("one-way", "receiver_cpu_us_per_msg", (cpu(PeerPid) - PeerCpu) / 1.0e3 / Messages);
        true ->
            one_way(Sink, Payload, Sent, Acked, From, To, Start, PeerPid)
    end.

ping_pong(Sink, Payload, From, To, Rtts, Count) ->
    Sent = erlang:monotonic_time(nanosecond),
    Sink ! Payload,
    receive Bin when is_binary(Bin) -> ok end,
    Now = erlang:monotonic_time(nanosecond),
    if
        Now < From -> ping_pong(Sink, Payload, From, To, Rtts, Count);
        Now < To -> ping_pong(Sink, Payload, From, To, [Now - Sent | Rtts], Count + 1);
        true ->
            Sorted = lists:sort([Now - Sent | Rtts]),
            Len = length(Sorted),
            sample("ping-pong", "rtt_p50_us", lists:nth(max(1, round(Len * 0.50)), Sorted) / 1.0e3),
            sample("ping-pong", "rtt_p99_us", lists:nth(max(1, round(Len * 0.99)), Sorted) / 1.0e3),
            sample("ping-pong", "round_trips_per_s", (Count + 1) * 1.0e9 / (To - From))
    end.

%% CPU time (user + system) of an OS process in nanoseconds, from /proc/PID/stat (10 ms ticks).
cpu(Pid) ->
    {ok, Stat} = file:read_file("/proc/" ++ Pid ++ "/stat"),
    [_, AfterName] = string:split(binary_to_list(Stat), ") ", trailing),
    Fields = string:lexemes(AfterName, " "),
    (list_to_integer(lists:nth(12, Fields)) + list_to_integer(lists:nth(13, Fields))) * 10000000.

sample(Case, Metric, Value) ->
    io:format("SAMPLE impl=erlang case=~s metric=~s value=~.3f~n", [Case, Metric, float(Value)]).
