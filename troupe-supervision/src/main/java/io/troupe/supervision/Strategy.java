package io.troupe.supervision;

/**
 * What a supervisor does to its other children when one child has to be restarted (OTP's
 * {@code one_for_one}, {@code one_for_all} and {@code rest_for_one}).
 *
 * <pre>
 *   children in start order:   A   B   C        (B exits and is to be restarted)
 *   ONE_FOR_ONE                A  [B]  C        only B is restarted
 *   ONE_FOR_ALL               [A] [B] [C]       C, A stopped (reverse order), then A, B, C started
 *   REST_FOR_ONE               A  [B] [C]       C stopped, then B, C started
 * </pre>
 *
 * Temporary children stopped as part of a group are not started again; they are removed.
 */
public enum Strategy {
    /** Restart only the child that exited. */
    ONE_FOR_ONE,
    /** Stop all other children, then start all children again, in order. */
    ONE_FOR_ALL,
    /** Stop the children started after the one that exited, then start it and them again, in order. */
    REST_FOR_ONE
}
