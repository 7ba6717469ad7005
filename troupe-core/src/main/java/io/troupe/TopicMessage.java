package io.troupe;

/**
 * A message sent with a topic ({@link Troupe#send(Pid, String, Object)}, Wippy's
 * {@code process.send(dest, topic, payload)}). The receiver can read who sent it and take one topic
 * apart from the rest with {@link Troupe#listen(String)}.
 *
 * @param topic   the topic; never starts with {@code @} (reserved)
 * @param from    the sending process, or the runtime's system pid for a plain thread
 * @param payload the value
 */
public record TopicMessage(String topic, Pid from, Object payload) {
}
