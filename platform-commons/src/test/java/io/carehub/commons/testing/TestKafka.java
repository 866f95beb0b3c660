package io.carehub.commons.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;

/**
 * A real Kafka broker (KRaft, one combined broker/controller) in the test JVM, started once per JVM.
 * Tests can stop and restart the broker (same port, same data) to show what happens while Kafka is down,
 * and read what was published with {@link #consumer}.
 */
public class TestKafka implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    static {
        // The broker calls Exit on a fatal fault, also while it shuts down with the JVM; in a test JVM
        // that would end the test run with a non-zero code after the tests passed. Report it instead.
        Exit.setExitProcedure((code, message) -> System.err.println("test Kafka broker asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("test Kafka broker asked to halt(" + code + "): " + message));
    }

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Kept for the JVM's other test classes; closed by a shutdown hook.
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::closeCluster));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller keeps running); clients see Kafka down. */
    public static synchronized void stopBroker() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the stopped broker again, on the same port with the same data. */
    public static synchronized void startBroker() throws Exception {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    /** A consumer of {@code topic} from its beginning, in a group of its own. Close it after use. */
    public static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Polls until a record matches or the deadline passes; returns every record seen (so a test can also
     * assert on what else arrived). Fails the test on time-out.
     */
    public static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer,
            Predicate<ConsumerRecord<String, String>> match, Duration deadline) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            boolean matched = false;
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(r);
                matched |= match.test(r);
            }
            if (matched) {
                return seen; // with the rest of that poll: nothing the consumer fetched is lost to the test
            }
        }
        throw new AssertionError("no matching record within " + deadline + "; saw " + seen.size() + " records");
    }

    /** Every record that arrives within {@code window}. */
    public static List<ConsumerRecord<String, String>> drain(KafkaConsumer<String, String> consumer, Duration window) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant end = Instant.now().plus(window);
        while (Instant.now().isBefore(end)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }

    private static void closeCluster() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            // the JVM is going away
        }
    }
}
