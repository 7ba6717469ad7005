/**
 * The pomelo client protocol, byte for byte: the package layer ({@link io.troupe.server.protocol.Package},
 * {@link io.troupe.server.protocol.PackageDecoder}), the message layer ({@link io.troupe.server.protocol.Message}),
 * route compression ({@link io.troupe.server.protocol.RouteDictionary}), the pomelo-protobuf dialect
 * ({@link io.troupe.server.protocol.ProtoSchemas}), the handshake and, tying routes and bodies together,
 * {@link io.troupe.server.protocol.MessageCodec}. Everything here is pure (no I/O) and immutable or single-use;
 * malformed input raises {@link io.troupe.server.protocol.ProtocolException}.
 */
package io.troupe.server.protocol;
