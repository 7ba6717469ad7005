package io.troupe.internal;

import io.troupe.RuntimeOptions;
import io.troupe.TroupeRuntime;

/** Creates runtimes; the bridge from the API's entry point to the implementation. */
public final class Runtimes {
    private Runtimes() {
    }

    public static TroupeRuntime start(RuntimeOptions options) {
        return new LocalRuntime(options);
    }

    public static io.troupe.spi.RuntimeEndpoint attach(TroupeRuntime runtime, io.troupe.spi.Distribution distribution) {
        if (!(runtime instanceof LocalRuntime local)) {
            throw new IllegalArgumentException("not a Troupe runtime: " + runtime);
        }
        local.attach(distribution);
        return new Endpoint(local);
    }
}
