package io.troupe;

/** A send or lookup named a process name that is not registered. */
public final class NoSuchNameException extends TroupeException {
    private final String name;

    public NoSuchNameException(String name) {
        super("no process is registered as '" + name + "'");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
