package io.troupe.server.cli;

import io.troupe.server.internal.master.AppHome;

/** Finds the master of {@code list} and {@code stop}: {@code --master}, else the app directory's {@code master.json}. */
final class Masters {
    private Masters() {
    }

    static MasterAddress address(String master, AppOptions app) {
        if (master != null) return MasterAddress.parse(master);
        AppHome home = AppHome.open(app.dir, app.environment);
        try {
            return MasterAddress.of(home.config(app.environment).master());
        } finally {
            home.discard();
        }
    }
}
