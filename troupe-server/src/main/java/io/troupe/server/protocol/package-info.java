/** Placeholder: filled in by the protocol work. */
package io.troupe.server.protocol;
