package io.troupe.node.internal;

import io.troupe.node.spi.Codec;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/*
 * The classes that implement io.troupe.Pid in troupe-core. Fory keys serializers by exact class and
 * the distribution SPI does not list them, so they are collected two ways: the class of a pid the
 * runtime makes for another node (asked through the codec context), and the names of the core's
 * process classes and pid records, past and present (loading a class of a non-exported package is
 * allowed; the codec never touches their members, a pid is written through the Pid interface).
 * PidTypesTest fails when the core grows a pid class this misses. Sorted by name, so every node of
 * one version numbers them alike (and the codec fingerprint checks that in the handshake).
 */
final class PidTypes {
    private static final List<String> CORE_CLASSES = List.of(
            "io.troupe.internal.ThreadProcess",
            "io.troupe.internal.HandlerProcess",
            "io.troupe.internal.PidValue",
            "io.troupe.internal.RemotePid",
            "io.troupe.internal.SystemPid");

    private PidTypes() {
    }

    static List<Class<?>> discover(Codec.Context context) {
        TreeSet<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
        types.add(context.pid("probe@troupe-codec", 1, 1).getClass());
        for (String name : CORE_CLASSES) {
            try {
                types.add(Class.forName(name, false, io.troupe.Pid.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // not in this version of the core
            }
        }
        return List.copyOf(types);
    }
}
