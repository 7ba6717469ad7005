package io.troupe.rpc;

import java.time.Duration;

/**
 * No answer came within the call's timeout. The call is cancelled on the server (its process is
 * ended if it still runs) and a late answer is discarded.
 */
public final class CallTimeoutException extends RpcException {
    public CallTimeoutException(String service, String function, Duration timeout) {
        super(service + "." + function + " did not answer within " + timeout.toMillis() + " ms");
    }
}
