package io.troupe;

/**
 * A process identifier: the address of one process, local or on another node.
 *
 * <p>A pid is a value. Two pids are equal when they name the same process: the same
 * {@linkplain #node() node}, {@linkplain #id() id} and {@linkplain #creation() creation}. Ids are
 * never reused within one runtime; {@code creation} tells apart two incarnations of a node with the
 * same name. Pids may be put in messages, compared, hashed and kept after their process has exited:
 * a send to the pid of a dead process is dropped silently, as in Erlang.
 *
 * <p>Only Troupe implements this interface. Implementations must use {@link #equals(Pid, Object)}
 * and {@link #hashCode(Pid)} so that every implementation agrees on equality.
 */
public interface Pid extends Comparable<Pid> {

    /** The name of the node the process lives on, {@code name@host}. */
    String node();

    /** The process number, unique within its node's incarnation. */
    long id();

    /** The incarnation of the node that created this pid. */
    int creation();

    @Override
    default int compareTo(Pid other) {
        int byNode = node().compareTo(other.node());
        if (byNode != 0) return byNode;
        int byCreation = Integer.compare(creation(), other.creation());
        return byCreation != 0 ? byCreation : Long.compare(id(), other.id());
    }

    /** The equality every {@code Pid} implementation uses. */
    static boolean equals(Pid pid, Object other) {
        return pid == other
                || other instanceof Pid that
                && that.id() == pid.id()
                && that.creation() == pid.creation()
                && that.node().equals(pid.node());
    }

    /** The hash code every {@code Pid} implementation uses. */
    static int hashCode(Pid pid) {
        return Long.hashCode(pid.id()) * 31 + pid.creation();
    }

    /** The text form every implementation uses: {@code <node.id.creation>}. */
    static String toString(Pid pid) {
        return "<" + pid.node() + "." + pid.id() + "." + pid.creation() + ">";
    }
}
