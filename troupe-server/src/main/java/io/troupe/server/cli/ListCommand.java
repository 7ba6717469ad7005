package io.troupe.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code troupe list}: the running app's servers, as its master reports them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show each server of the running app: id, type, pid, uptime, heap, connections, state, restarts.")
final class ListCommand implements Callable<Integer> {
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
            spec.commandLine().getOut().print(Table.format(client.list()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (MasterClient.NotRunning e) {
            spec.commandLine().getErr().println("troupe: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
