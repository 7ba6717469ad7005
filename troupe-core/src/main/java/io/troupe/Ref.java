package io.troupe;

/**
 * A unique reference, as made by Erlang's {@code make_ref()}: identifies a monitor, a timer or a
 * request. Unique within the node that made it for the node's lifetime.
 *
 * @param node the node that made the reference
 * @param id   a number never given out twice by that node
 */
public record Ref(String node, long id) {
    @Override
    public String toString() {
        return "#Ref<" + node + "." + id + ">";
    }
}
