package io.troupe.node.internal;

import java.net.URI;

/**
 * What a node proves and announces in handshakes.
 *
 * @param node     its name
 * @param creation its incarnation
 * @param cookie   the shared secret, as the HMAC key; never sent
 * @param address  where it listens
 * @param codec    its codec's fingerprint, which peers must match
 */
record Identity(String node, int creation, byte[] cookie, URI address, String codec) {
}
