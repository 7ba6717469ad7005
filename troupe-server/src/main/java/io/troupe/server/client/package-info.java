/**
 * A Java pomelo client ({@link io.troupe.server.client.PomeloClient}) over WebSocket or raw TCP, speaking the
 * protocol of {@link io.troupe.server.protocol} exactly as the JavaScript client does.
 */
package io.troupe.server.client;
