package io.carehub.commons.references;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ids of other services' resources that this service knows exist ({@code known_references}, from the
 * shared migration {@code db/references}): fed by the owners' change events and by the owners' answers.
 * Every write is idempotent, so a redelivered event or a repeated answer does no harm.
 */
@ApplicationScoped
public class KnownReferences {

    private final Pool pool;

    public KnownReferences(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> isKnown(String collection, Partition partition, UUID id) {
        return pool.preparedQuery("SELECT 1 FROM known_references"
                + " WHERE collection = $1 AND tenant = $2 AND environment = $3 AND id = $4")
                .execute(Tuple.of(collection, partition.tenant(), partition.environment(), id))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> remember(String collection, Partition partition, UUID id) {
        return remember(List.of(Tuple.of(collection, partition.tenant(), partition.environment(), id)));
    }

    /** Tuples of (collection, tenant, environment, id). */
    public Uni<Void> remember(List<Tuple> known) {
        if (known.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("INSERT INTO known_references (collection, tenant, environment, id) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT DO NOTHING").executeBatch(known).replaceWithVoid();
    }

    /** Tuples of (collection, tenant, environment, id): resources their owner deleted. */
    public Uni<Void> forget(List<Tuple> gone) {
        if (gone.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM known_references"
                + " WHERE collection = $1 AND tenant = $2 AND environment = $3 AND id = $4")
                .executeBatch(gone).replaceWithVoid();
    }
}
