package io.carehub.commons.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.carehub.commons.errors.DatabaseErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes outbox rows to Kafka (ARCHITECTURE.md, "The outbox is the only way out"). Wakes on the
 * {@code outbox_events} NOTIFY and also polls. Of several replicas, one relays at a time ({@link #RELAY_LOCK}, so
 * that events keep their order); each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, sent with an idempotent
 * {@code acks=all} producer, and deleted in the
 * same transaction only once Kafka acknowledged every record: Kafka being down delays events, never
 * loses them, and never fails a client's write. On shutdown it takes no new batch and lets the one in
 * progress finish (its acks and its DELETE's commit) before the producer closes, so that a stop does not
 * leave published rows in the outbox to be published again at the next start.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "outbox_events";
    /**
     * The transaction-level advisory lock one relay holds while it relays a batch: one instance relays at a time, so
     * the outbox reaches Kafka in the order it was written (with two relays at once, each claiming its own rows, an
     * older event of a resource could land after a newer one, and win its key's compaction).
     */
    public static final long RELAY_LOCK = 0x6361726568756201L;
    /** Beyond the publish timeout, what the DELETE and the commit of the batch in progress get at shutdown. */
    private static final Duration COMMIT_GRACE = Duration.ofSeconds(5);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String reactiveUrl;
    private final Optional<String> dbUser;
    private final Optional<String> dbPassword;
    private final Counter published;
    private final Counter failures;

    private final AtomicBoolean draining = new AtomicBoolean();
    /** Notified whenever a batch ends (committed or rolled back): what {@link #stop} waits on. */
    private final Object batchEnded = new Object();
    private volatile boolean wokenWhileDraining;
    private volatile boolean stopped;
    private volatile long lastFailureLog;
    private KafkaProducer<String, String> producer;
    private PgSubscriber subscriber;

    private final String topic;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry metrics, Outbox outbox,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.pool = pool;
        this.vertx = vertx;
        this.topic = outbox.topic();
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.reactiveUrl = reactiveUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.published = Counter.builder("carehub.outbox.events.published").description("Change events relayed to Kafka")
                .register(metrics);
        this.failures = Counter.builder("carehub.outbox.relay.failures").description("Relay batches rolled back")
                .register(metrics);
    }

    /** Public, like {@link #stop}, so that a service's tests can stop the relay mid-batch and start it again. */
    public void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        stopped = false;
        producer = new KafkaProducer<>(producerProperties());
        Thread compaction = new Thread(this::ensureCompactedTopic, "outbox-topic");
        compaction.setDaemon(true);
        compaction.start();
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        dbUser.ifPresent(options::setUser);
        dbPassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> wake());
        subscriber.connect().subscribe().with(ok -> wake(),
                failure -> LOG.warnf("outbox: cannot LISTEN (%s); polling only until reconnected", failure.getMessage()));
    }

    /**
     * Takes no new batch, waits for the one in progress (at most the publish timeout and then {@link #COMMIT_GRACE}
     * for its DELETE and commit), then closes the producer. Closing it under a batch would fail the batch's
     * remaining sends, and a process exiting under it would cut its DELETE: either way rows already on the topic
     * would stay in the outbox and be published a second time after the restart.
     */
    public void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> { }, failure -> { });
        }
        if (producer != null) {
            awaitBatchInProgress(config.publishTimeout().plus(COMMIT_GRACE));
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void awaitBatchInProgress(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (batchEnded) {
            try {
                for (long left = atMost.toNanos(); draining.get() && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(batchEnded, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (draining.get()) {
            LOG.warnf("outbox: stopping with a batch still in progress after %s; cut by the exit, it is rolled back"
                    + " and its events are published (again) at the next start", atMost);
        }
    }

    /** The polling fallback: catches rows whose NOTIFY was missed (e.g. while LISTEN reconnected). */
    @Scheduled(every = "${carehub.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts draining unless a drain is running, in which case that one goes round once more. */
    public void wake() {
        if (producer == null || stopped) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining = true;
            return;
        }
        if (stopped) {
            // stop() began between the check above and the claim: it may have seen no batch in progress.
            batchEnded();
            return;
        }
        wokenWhileDraining = false;
        relayBatch().subscribe().with(count -> {
            batchEnded();
            if (count >= config.batchSize() || wokenWhileDraining) {
                wake();
            }
        }, failure -> {
            batchEnded();
            failures.increment();
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 30_000) {
                lastFailureLog = now;
                String database = DatabaseErrors.describe(failure);
                LOG.warnf("outbox: relay to Kafka failed, events stay pending and are retried: %s",
                        database != null ? "database " + database : failure.getMessage());
            }
        });
    }

    private void batchEnded() {
        synchronized (batchEnded) {
            draining.set(false);
            batchEnded.notifyAll();
        }
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS relaying").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("relaying")
                        ? relayBatch(conn)
                        // Another instance is relaying: it publishes these rows in order, and the NOTIFY of every
                        // later commit wakes it too. This one stands by (and polls) in case that one goes.
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> relayBatch(SqlConnection conn) {
        return conn
                .preparedQuery("SELECT id, topic, message_key, payload FROM outbox_events ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return publish(batch).chain(() -> delete(conn, batch)).replaceWith(batch.size());
                });
    }

    private Uni<Void> publish(List<Row> batch) {
        return Uni.createFrom().completionStage(() -> {
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (Row row : batch) {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                var record = new ProducerRecord<>(row.getString("topic"), row.getString("message_key"), row.getString("payload"));
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
                acks.add(ack);
            }
            return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .orTimeout(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        })
                // send() may block while it waits for metadata: never on the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> published.increment(batch.size()));
    }

    private Uni<Void> delete(SqlConnection conn, List<Row> batch) {
        UUID[] ids = batch.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return conn.preparedQuery("DELETE FROM outbox_events WHERE id = ANY($1)").execute(Tuple.of(ids)).replaceWithVoid();
    }

    /** The service's change topic is compacted ({@link ChangeTopics}); retried until Kafka answers. */
    private void ensureCompactedTopic() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-topic");
        try (Admin admin = Admin.create(p)) {
            while (!stopped) {
                try {
                    ChangeTopics.ensureCompacted(admin, topic);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.warnf("outbox: cannot make %s compacted yet (%s); retrying", topic, e.getClass().getSimpleName());
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long timeout = config.publishTimeout().toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout, 10_000)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout, 10_005 + 5)));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return p;
    }
}
