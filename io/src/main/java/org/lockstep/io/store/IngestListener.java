package org.lockstep.io.store;

/** Told how an ingest progresses, e.g. to drive a progress bar. Called on the ingesting thread. */
public interface IngestListener {
    IngestListener NONE = new IngestListener() {};

    /** A file is about to be read; {@code skipping} posts of it were committed by an interrupted run. */
    default void fileStarted(String file, long size, long skipping) {}

    /** Called every few thousand posts with the number of posts read so far in this ingest. */
    default void posts(long postsRead) {}

    /** A batch has been committed: it is durable from now on. */
    default void batchCommitted(String file, long batch, long posts, long stored, long duplicates) {}

    /** After a committed batch, the case was let go for readers that asked for it, and taken back. */
    default void pausedForReaders() {}

    /** A file has been read to its end (or to the error limit). */
    default void fileFinished(String file) {}
}
