package org.lockstep.flink;

/** The records that flow between the job's operators: Flink POJOs (public fields, no-arg constructors). */
public final class Events {
    private Events() {}

    /** A post as read, encoded losslessly ({@code PostCodec}), with its place in the input. */
    public static final class PostEnvelope {
        public long seq;
        public long time;
        public byte[] post;
        /** Why the record is no post (set by sources that parse, e.g. Kafka), else null. */
        public String problem;

        public PostEnvelope() {}

        public PostEnvelope(long seq, long time, byte[] post) {
            this.seq = seq;
            this.time = time;
            this.post = post;
        }
    }

    /** One timed co-action object of a post. */
    public static final class Action {
        public String key;
        public long windowMs;
        public String account;
        public String post;
        public long time;
        public long seq;

        public Action() {}

        Action(String key, long windowMs, String account, String post, long time, long seq) {
            this.key = key;
            this.windowMs = windowMs;
            this.account = account;
            this.post = post;
            this.time = time;
            this.seq = seq;
        }
    }

    /** A co-action of two accounts on an object; {@code time} is the later action's. */
    public static final class CoPair {
        public String pair;
        public String object;
        public String earlierPost;
        public String laterPost;
        public long time;

        public CoPair() {}

        CoPair(String pair, String object, String earlierPost, String laterPost, long time) {
            this.pair = pair;
            this.object = object;
            this.earlierPost = earlierPost;
            this.laterPost = laterPost;
            this.time = time;
        }
    }

    /** An alert as one JSON line, with its stable id. */
    public static final class AlertLine {
        public String id;
        public String type;
        public long time;
        public String json;

        public AlertLine() {}

        AlertLine(String id, String type, long time, String json) {
            this.id = id;
            this.type = type;
            this.time = time;
            this.json = json;
        }
    }
}
