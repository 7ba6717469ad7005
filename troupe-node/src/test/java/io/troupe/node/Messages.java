package io.troupe.node;

import io.troupe.Pid;

/** Message types the tests send across nodes. */
final class Messages {
    static final Class<?>[] TYPES = {Ping.class, Pong.class, Numbered.class, Stop.class, Say.class};

    record Ping(Pid from, int round) {
    }

    record Pong(int round) {
    }

    record Numbered(Pid from, long n) {
    }

    record Stop() {
    }

    record Say(String who, String text) {
    }

    /** Not registered: must be refused by the codec. */
    record Secret(String text) {
    }

    private Messages() {
    }
}
