/**
 * The {@code troupe start|list|stop} command of an app server ({@link io.troupe.server.cli.Main}):
 * pinus's {@code pinus start}, {@code pinus list} and {@code pinus stop} for a
 * {@link io.troupe.server.ServerApp}. See {@code docs/server.md}, "Running an app".
 */
package io.troupe.server.cli;
