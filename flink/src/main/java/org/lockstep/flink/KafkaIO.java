package org.lockstep.flink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lockstep.core.model.Post;
import org.lockstep.core.stream.PostCodec;
import org.lockstep.flink.Events.AlertLine;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.read.JsonRecords;

/**
 * Kafka in and out. In: a topic whose messages are JSON posts in any format the readers recognise per
 * record (Twitter v1.1/v2, Bluesky Jetstream, Mastodon, Telegram), parsed in the source's deserialiser; a
 * message that is no post becomes a problem record (reported, skipped). Out: one message per alert, key =
 * the alert's stable id, value = its JSON line; at-least-once by default (consumers dedup on the key, which
 * a compacted topic does by itself), or Kafka transactions when checkpointing is on and exactly-once is
 * asked for.
 */
public final class KafkaIO {
    private KafkaIO() {}

    /**
     * Posts from {@code topic}, from the earliest offset; {@code bounded} stops at the offsets current at the
     * start (a replay), else the source runs until the job is cancelled.
     */
    public static DataStream<PostEnvelope> source(StreamExecutionEnvironment env, String bootstrap, String topic,
            String group, boolean bounded) {
        var b = KafkaSource.<PostEnvelope>builder().setBootstrapServers(bootstrap).setTopics(topic).setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.earliest()).setDeserializer(new Posts());
        if (bounded) b.setBounded(OffsetsInitializer.latest());
        KafkaSource<PostEnvelope> src = b.build();
        return env.fromSource(src, WatermarkStrategy.noWatermarks(), "kafka " + topic)
                .returns(TypeInformation.of(PostEnvelope.class));
    }

    /** Parses each message; the input order (seq) is (offset, partition, post within the message). */
    static final class Posts implements KafkaRecordDeserializationSchema<PostEnvelope> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<PostEnvelope> out) {
            long seq = ((r.offset() << 10) | (r.partition() & 0x3ff)) << 8;
            String v = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            try {
                List<Post> posts = JsonRecords.parse(v);
                int k = 0;
                for (Post p : posts) out.collect(new PostEnvelope(seq + Math.min(k++, 255), p.timeMs(), PostCodec.encode(p)));
            } catch (RuntimeException e) {
                PostEnvelope bad = new PostEnvelope(seq, 0, new byte[0]);
                bad.problem = "partition " + r.partition() + " offset " + r.offset() + ": " + e.getMessage();
                out.collect(bad);
            }
        }

        @Override
        public TypeInformation<PostEnvelope> getProducedType() {
            return TypeInformation.of(PostEnvelope.class);
        }
    }

    /** Alerts to {@code topic}: key = id, value = the JSON line. */
    public static void sink(DataStream<AlertLine> alerts, String bootstrap, String topic, boolean exactlyOnce) {
        Properties p = new Properties();
        p.setProperty("transaction.timeout.ms", "600000");
        var b = KafkaSink.<AlertLine>builder().setBootstrapServers(bootstrap).setKafkaProducerConfig(p)
                .setRecordSerializer((KafkaRecordSerializationSchema<AlertLine>) (a, ctx, ts) -> new ProducerRecord<>(topic,
                        a.id.getBytes(StandardCharsets.UTF_8), a.json.getBytes(StandardCharsets.UTF_8)))
                .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE);
        if (exactlyOnce) b.setTransactionalIdPrefix("lockstep-alerts");
        alerts.sinkTo(b.build()).setParallelism(1).name("kafka " + topic);
    }

    static boolean isBounded(KafkaSource<?> s) {
        return s.getBoundedness() == Boundedness.BOUNDED;
    }
}
