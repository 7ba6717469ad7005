package io.troupe;

/** Something scheduled that can still be called off, such as a timer made by {@code sendAfter}. */
@FunctionalInterface
public interface Cancellable {
    /**
     * Calls it off.
     *
     * @return {@code true} if this call prevented it, {@code false} if it had already happened or
     *         been cancelled
     */
    boolean cancel();
}
