/** The application server API (pinus's programming model for Java). */
package io.troupe.server;
