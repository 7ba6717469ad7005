/** Placeholder: filled in by the config work. */
package io.troupe.server.config;
