package io.troupe.rpc;

/** The typed form of seed 002's PlusServer, for the tests. */
public interface PlusService {
    int plus(int a, int b);

    String slow(long millis) throws InterruptedException;
}
