package io.troupe.supervision;

import io.troupe.Pid;

/**
 * One child as reported by {@link Supervisor#whichChildren()} (OTP's {@code which_children}).
 *
 * @param id      the child's id, unique within its supervisor
 * @param pid     the running process, or {@code null} if the child is not running (it exited and
 *                was not restarted, was terminated, or is between a failed start and the retry)
 * @param type    worker or supervisor
 * @param restart the child's restart type
 */
public record ChildInfo(String id, Pid pid, ChildType type, Restart restart) {
}
