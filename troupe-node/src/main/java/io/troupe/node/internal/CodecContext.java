package io.troupe.node.internal;

import io.troupe.Pid;
import io.troupe.node.spi.Codec;
import io.troupe.spi.RuntimeEndpoint;

import java.util.List;

/** What a node gives its codecs: pid resolution, the user's allowlist and the control records. */
record CodecContext(RuntimeEndpoint endpoint, List<Class<?>> messageTypes) implements Codec.Context {
    @Override
    public Pid pid(String node, long id, int creation) {
        return endpoint.pid(node, id, creation);
    }

    @Override
    public List<Class<?>> controlTypes() {
        return Control.TYPES;
    }
}
