%% The supervision cases of bench/run channels, printed as SAMPLE lines:
%%  sup-restarts       a child that exits abnormally as soon as it starts, under a one_for_one
%%                     supervisor whose intensity is never reached (note: the supervisor filters its
%%                     list of the restarts of the last period on every restart, so this sustained
%%                     loop costs Erlang more the faster it restarts);
%%  sup-restart-burst  bursts of 1,000 such restarts, each under a fresh supervisor allowed exactly
%%                     1,000 restarts per 60 s.
%% Usage: erl -noshell +S 2 -run troupe_sup_bench main Case WarmupS MeasureS
-module(troupe_sup_bench).
-behaviour(supervisor).
-export([main/1, init/1, start_child/1]).

-define(BURST, 1000).

main(["sup-restart-burst", WarmupS, MeasureS]) ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    WarmEnd = deadline(WarmupS),
    warm(WarmEnd),
    T0 = erlang:monotonic_time(nanosecond),
    N = measure(deadline(MeasureS), 0),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("SAMPLE impl=erlang case=sup-restart-burst metric=restarts_per_s value=~.1f~n",
              [N * ?BURST * 1.0e9 / (T1 - T0)]),
    halt(0);
main(["sup-restarts", WarmupS, MeasureS]) ->
    logger:set_primary_config(level, none),   % crash reports would dominate, as in every peer
    Counter = counters:new(1, [write_concurrency]),
    {ok, Sup} = supervisor:start_link(?MODULE, Counter),
    unlink(Sup),
    timer:sleep(round(list_to_float(WarmupS) * 1000)),
    Before = counters:get(Counter, 1),
    T0 = erlang:monotonic_time(nanosecond),
    timer:sleep(round(list_to_float(MeasureS) * 1000)),
    After = counters:get(Counter, 1),
    T1 = erlang:monotonic_time(nanosecond),
    Rate = (After - Before) * 1.0e9 / (T1 - T0),
    io:format("SAMPLE impl=erlang case=sup-restarts metric=restarts_per_s value=~.1f~n", [Rate]),
    exit(Sup, kill),
    halt(0).

deadline(Seconds) ->
    erlang:monotonic_time(nanosecond) + round(list_to_float(Seconds) * 1.0e9).

warm(End) ->
    burst(),
    case erlang:monotonic_time(nanosecond) < End of true -> warm(End); false -> ok end.

measure(End, N) ->
    burst(),
    case erlang:monotonic_time(nanosecond) < End of true -> measure(End, N + 1); false -> N + 1 end.

%% One burst: a fresh supervisor restarts the crasher BURST times; the next crash exceeds its
%% intensity and it exits (reached_max_restart_intensity), which ends the burst.
burst() ->
    Counter = counters:new(1, [write_concurrency]),
    {ok, Sup} = supervisor:start_link(?MODULE, {Counter, ?BURST, 60}),
    receive {'EXIT', Sup, _} -> ok after 30000 -> erlang:error(burst_timeout) end.

init({Counter, Intensity, Period}) ->
    Flags = #{strategy => one_for_one, intensity => Intensity, period => Period},
    Child = #{id => crasher, start => {?MODULE, start_child, [Counter]}, restart => permanent},
    {ok, {Flags, [Child]}};
init(Counter) ->
    Flags = #{strategy => one_for_one, intensity => 1000000000, period => 1},
    Child = #{id => crasher, start => {?MODULE, start_child, [Counter]}, restart => permanent},
    {ok, {Flags, [Child]}}.

start_child(Counter) ->
    counters:add(Counter, 1, 1),
    {ok, spawn_link(fun() -> exit(crash) end)}.
