package io.troupe.node.internal;

import java.util.ArrayList;
import java.util.List;

/*
 * The classes that implement io.troupe.Pid in troupe-core. Codecs register them one by one (Fory
 * keys serializers by exact class), and the distribution SPI does not list them, so they are
 * found by name: loading a class of a non-exported package is allowed, and the codec never
 * touches their members (a pid is written through the Pid interface). Order matters: it fixes the
 * wire ids. A name that no longer exists is skipped; PidTypesTest fails if the list is stale.
 */
final class PidTypes {
    static final List<Class<?>> ALL = load(
            "io.troupe.internal.ThreadProcess",
            "io.troupe.internal.HandlerProcess",
            "io.troupe.internal.RemotePid",
            "io.troupe.internal.SystemPid");

    private PidTypes() {
    }

    private static List<Class<?>> load(String... names) {
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                types.add(Class.forName(name, false, io.troupe.Pid.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // a renamed core class: PidTypesTest reports it
            }
        }
        return List.copyOf(types);
    }
}
