package io.troupe.app;

/**
 * One entry of an {@link AppDescriptor}: Wippy's registry entry. Each kind of entry is a record;
 * switch over them exhaustively:
 *
 * <pre>{@code
 * switch (entry) {
 *     case ProcessEntry p -> ...
 *     case ServiceEntry s -> ...
 *     case TerminalHostEntry t -> ...
 *     case ProcessHostEntry h -> ...
 * }
 * }</pre>
 */
public sealed interface Entry permits ProcessEntry, ServiceEntry, TerminalHostEntry, ProcessHostEntry {

    /** The entry's id, {@code namespace:name}. */
    EntryId id();

    /** The entry's kind. */
    EntryKind kind();
}
