package io.carehub.notifier.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.FindHorizon;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, UUID> {

    /** A client that is not deleted, in {@code tenant} (null: any tenant, for the operator), or null. */
    /** As {@link #findLive}, locked for this transaction's change. */
    public Uni<ApiClient> lockLive(String tenant, UUID id) {
        return (tenant == null ? find("id = ?1 and deleted = false", id)
                : find("tenant = ?1 and id = ?2 and deleted = false", tenant, id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<ApiClient> findLive(String tenant, UUID id) {
        return tenant == null ? find("id = ?1 and deleted = false", id).firstResult()
                : find("tenant = ?1 and id = ?2 and deleted = false", tenant, id).firstResult();
    }

    /** Deleted or not: client ids are never reused. */
    public Uni<ApiClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    /** A live client of {@code tenant} by its client_id, or null. */
    public Uni<ApiClient> findLiveByClientId(String tenant, String clientId) {
        return find("tenant = ?1 and clientId = ?2 and deleted = false", tenant, clientId).firstResult();
    }

    /**
     * One Find page within {@code tenant}, or across tenants for the operator ({@code tenant} null; its
     * {@code tenant} filter confines it to one when it asks).
     */
    public Uni<PageRows<ApiClient>> page(String tenant, FindParameters find) {
        KeysetQuery query = tenant == null ? KeysetQuery.acrossTenants(find, true) : KeysetQuery.inTenant(tenant, find, true);
        return FindHorizon.read().chain(horizon -> {
            KeysetQuery bounded = query.before(horizon.bound());
            return find(bounded.hql(), bounded.parameters()).range(0, bounded.fetchSize() - 1).list()
                    .map(rows -> new PageRows<>(rows, horizon.mayGrow(query.to())));
        });
    }
}
