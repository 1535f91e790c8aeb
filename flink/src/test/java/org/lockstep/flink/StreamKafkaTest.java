package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.flink.Events.AlertLine;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

/**
 * Kafka in, Kafka out, against a real broker started in-process (KafkaClusterTestKit, KRaft): a simulated
 * case produced as JSON messages to a topic (with one poison message) is analysed by the job; the final
 * network equals batch on the file, the poison message is reported and skipped, and the alerts topic
 * holds exactly the alerts of alerts.jsonl, keyed by their ids.
 */
class StreamKafkaTest {

    @Test
    void kafkaInKafkaOut() throws Exception {
        Path dir = StreamTestData.dir("kafka");
        Path input = StreamTestData.election(dir, 6_000, 0.25, 3);
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        CoordinationResult batch = Coordination.detect(
                Readers.table(List.of(input.toString()), ReadOptions.defaults(), true, p -> {}).table(),
                CoordinationConfig.builder().build());

        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(dir.resolve("kafka-data")).build();
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            String bootstrap = kafka.bootstrapServers();
            try (var admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic("posts", 1, (short) 1), new NewTopic("alerts", 1, (short) 1))).all().get();
            }
            Properties pp = new Properties();
            pp.put("bootstrap.servers", bootstrap);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < lines.size(); i++) {
                    producer.send(new ProducerRecord<>("posts", lines.get(i)));
                    if (i == lines.size() / 2) producer.send(new ProducerRecord<>("posts", "{\"not\": \"a post\"}"));
                }
                producer.flush();
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            Path out = Files.createDirectories(dir.resolve("out"));
            DataStream<PostEnvelope> posts = KafkaIO.source(env, bootstrap, "posts", "lockstep-test", true);
            DataStream<AlertLine> alerts = StreamJob.build(env, posts, Settings.defaults().withTickMs(15 * 60_000L), out,
                    new StreamDisorderTest.NetworkFinisher(out.toString()));
            KafkaIO.sink(alerts, bootstrap, "alerts", false);
            env.execute("kafka");

            assertEquals(StreamTestData.edges(batch), new TreeSet<>(Files.readAllLines(out.resolve("edges.txt"))));
            List<String> problems = Files.readAllLines(out.resolve("problems.txt"));
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("not a post"), problems.get(0));

            Map<String, String> file = new HashMap<>();
            for (String l : Files.readAllLines(out.resolve("alerts.jsonl"))) {
                file.put(AlertJson.MAPPER.readTree(l).path("id").asText(), l);
            }
            assertTrue(file.size() >= 5, "alerts: " + file.size());
            Properties cp = new Properties();
            cp.put("bootstrap.servers", bootstrap);
            cp.put("group.id", "check");
            cp.put("auto.offset.reset", "earliest");
            Map<String, String> topic = new HashMap<>();
            List<String> keys = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("alerts"));
                long until = System.currentTimeMillis() + 30_000;
                while (topic.size() < file.size() && System.currentTimeMillis() < until) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        topic.put(r.key(), r.value());
                        keys.add(r.key());
                    }
                }
            }
            assertEquals(file, topic, "the alerts topic holds the alerts of alerts.jsonl, keyed by id");
            assertEquals(keys.size(), topic.size(), "no alert twice");
        }
    }
}
