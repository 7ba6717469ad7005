package io.troupe.node.internal;

import io.troupe.node.spi.MessageTypeProvider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The allowlist of a node: the application's message types plus those of installed libraries. */
final class MessageTypes {
    private MessageTypes() {
    }

    static List<Class<?>> withProvided(List<Class<?>> configured) {
        Set<Class<?>> all = new LinkedHashSet<>(configured);
        for (MessageTypeProvider provider : ServiceLoader.load(MessageTypeProvider.class, MessageTypes.class.getClassLoader())) {
            all.addAll(provider.messageTypes());
        }
        return List.copyOf(new ArrayList<>(all));
    }
}
