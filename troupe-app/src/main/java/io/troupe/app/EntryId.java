package io.troupe.app;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of an entry of an {@link AppDescriptor}: {@code namespace:name}, as Wippy's
 * {@code app:relay}. Namespaces may contain dots ({@code app.lib}); names may not, because
 * overrides ({@code -o app:relay.lifecycle.auto_start=false}) use the first dot after the name to
 * start the field path.
 *
 * @param namespace letters, digits, {@code _ - .}
 * @param name      letters, digits, {@code _ -}
 */
public record EntryId(String namespace, String name) {

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-]*");

    public EntryId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("bad namespace '" + namespace + "': use letters, digits, _ - .");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad entry name '" + name + "': use letters, digits, _ -");
        }
    }

    /**
     * Parses {@code namespace:name}.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static EntryId parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("entry id '" + text + "' must look like namespace:name");
        return new EntryId(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * Parses {@code namespace:name}, or a bare {@code name} taken to be in {@code namespace}.
     *
     * @throws IllegalArgumentException if {@code text} is neither
     */
    public static EntryId parse(String text, String namespace) {
        return text.indexOf(':') < 0 ? new EntryId(namespace, text) : parse(text);
    }

    @Override
    public String toString() {
        return namespace + ":" + name;
    }
}
