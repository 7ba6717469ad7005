/** Placeholder: filled in by the client work. */
package io.troupe.server.client;
