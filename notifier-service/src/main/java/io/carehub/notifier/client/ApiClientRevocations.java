package io.carehub.notifier.client;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.revocation.ClientRevocations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * notifier-service holds the API clients, so it refuses the token of a disabled or deleted one from the moment the
 * change commits: one indexed look-up per request (by primary key), instead of the other services' feed of change
 * events (RevokedClients, which this replaces here). A token naming a client that is not there is refused too.
 */
@ApplicationScoped
public class ApiClientRevocations implements ClientRevocations {

    private final Pool pool;

    public ApiClientRevocations(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> refuses(String tenant, UUID apiClient, Instant issuedAt) {
        return pool.preparedQuery("SELECT disabled, deleted FROM api_clients WHERE id = $1 AND tenant = $2")
                .execute(Tuple.of(apiClient, tenant))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return true;
                    }
                    Row row = rows.iterator().next();
                    return row.getBoolean("disabled") || row.getBoolean("deleted");
                });
    }
}
