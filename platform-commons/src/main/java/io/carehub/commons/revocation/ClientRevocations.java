package io.carehub.commons.revocation;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Whether the access tokens of an API client must be refused: it was disabled or deleted after they were issued.
 * Asked for every request whose token names its client ({@link RevokedTokens}). Every service has
 * {@link RevokedClients} (fed by notifier-service's change events); notifier-service, which holds the clients,
 * replaces it with a look into its own database.
 */
public interface ClientRevocations {

    /**
     * Whether a token issued at {@code issuedAt} to the client whose api_clients id is {@code apiClient}, of
     * {@code tenant}, is refused.
     */
    Uni<Boolean> refuses(String tenant, UUID apiClient, Instant issuedAt);
}
