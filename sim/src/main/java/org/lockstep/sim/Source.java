package org.lockstep.sim;

/** A time-ordered stream of posts; the simulator merges sources by {@link #peek()}. */
interface Source {
    /** Time of the next post in ms, or {@link Long#MAX_VALUE} when exhausted. */
    long peek();

    /** Fills {@code t} with the next post (its time is {@link #peek()}), gives it {@code id} and advances. */
    void emit(Tweet t, long id);
}
