package org.lockstep.sim;

import java.io.IOException;

/** Serialises posts in one output format. */
interface PostWriter {
    void write(Tweet t) throws IOException;

    /** Flushes buffered output; does not close the underlying stream. */
    void finish() throws IOException;
}
