/** Services by name, messages and calls. */
package io.troupe.rpc;
