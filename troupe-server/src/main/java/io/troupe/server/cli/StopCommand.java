package io.troupe.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code troupe stop}: the running app stops gracefully (frontends first), then its master ends. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the running app gracefully: frontends first, then backends, then the master. Exit code 0 once stopped.")
final class StopCommand implements Callable<Integer> {
    @Mixin
    AppOptions app;

    @Mixin
    MasterOption master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MasterAddress address = Masters.address(master.master, app);
        try (MasterClient client = MasterClient.connect(address, app.cookie)) {
            if (!client.stop()) {
                spec.commandLine().getErr().println("troupe: the app of master " + address + " did not stop within " + MasterClient.STOP.toSeconds() + " s");
                return Main.FAILED;
            }
            spec.commandLine().getOut().println("troupe: stopped the app of master " + address);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (MasterClient.NotRunning e) {
            spec.commandLine().getErr().println("troupe: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
