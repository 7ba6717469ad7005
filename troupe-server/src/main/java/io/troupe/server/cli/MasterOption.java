package io.troupe.server.cli;

import picocli.CommandLine.Option;

/** The {@code --master} option of the commands that talk to a running app ({@code list}, {@code stop}). */
final class MasterOption {
    @Option(names = "--master", paramLabel = "[ID@]HOST:PORT",
            description = "the master's address (default: from DIR/config/master.json; ID defaults to " + MasterAddress.DEFAULT_ID + ")")
    String master;
}
