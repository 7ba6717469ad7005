/**
 * A small static HTTP file server for the web pages of example apps (not exported): see
 * {@link io.troupe.server.internal.web.StaticWebServer}.
 */
package io.troupe.server.internal.web;
