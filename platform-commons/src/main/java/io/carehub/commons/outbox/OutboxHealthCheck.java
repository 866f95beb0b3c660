package io.carehub.commons.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Kafka, as the outbox sees it: DOWN when an event has waited longer than {@code carehub.outbox.max-lag}
 * (Kafka unreachable or the relay stuck), with the backlog in the data; the same numbers are the
 * {@code carehub_outbox_pending} and {@code carehub_outbox_lag_seconds} gauges.
 * <p>
 * A wellness check ({@code /q/health/well}), not a readiness one: a service whose Kafka is down still
 * takes writes (their events wait in the outbox), so Kafka must not take it out of the load balancer.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final OutboxConfig config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();

    public OutboxHealthCheck(Pool pool, OutboxConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.config = config;
        Gauge.builder("carehub.outbox.pending", pending, AtomicLong::get).description("Change events not yet relayed")
                .register(metrics);
        Gauge.builder("carehub.outbox.lag.seconds", lagSeconds, AtomicLong::get)
                .description("Age of the oldest change event not yet relayed").register(metrics);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return measure().map(ignored -> HealthCheckResponse.named("outbox")
                .status(!config.relayEnabled() || lagSeconds.get() <= config.maxLag().toSeconds())
                .withData("pending", pending.get()).withData("oldest_seconds", lagSeconds.get()).build());
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return pool.query("SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::bigint AS lag"
                + " FROM outbox_events")
                .execute()
                .invoke(rows -> {
                    var row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    lagSeconds.set(row.getLong("lag"));
                })
                .replaceWithVoid();
    }
}
