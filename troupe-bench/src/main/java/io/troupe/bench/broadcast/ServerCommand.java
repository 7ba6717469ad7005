package io.troupe.bench.broadcast;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to start a target's server: the command, its working directory, the WebSocket port it
 * serves clients on, and a pattern its output matches once it is ready (the port must also
 * accept connections).
 */
record ServerCommand(List<String> argv, Path dir, int port, Pattern ready) {
}
