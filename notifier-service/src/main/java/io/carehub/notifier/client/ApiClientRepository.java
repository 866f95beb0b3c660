package io.carehub.notifier.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, UUID> {

    /** A client that is not deleted, whatever its tenant (the api_clients admin is the platform operator). */
    public Uni<ApiClient> findLive(UUID id) {
        return find("id = ?1 and deleted = false", id).firstResult();
    }

    /** Deleted or not: client ids are never reused. */
    public Uni<ApiClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    /** One Find page across tenants (the {@code tenant} filter confines it to one when the operator asks). */
    public Uni<List<ApiClient>> page(FindParameters find) {
        KeysetQuery query = KeysetQuery.acrossTenants(find, true);
        return find(query.hql(), query.parameters()).range(0, query.fetchSize() - 1).list();
    }

    /**
     * Moves a client to another tenant. {@code tenant} is not updatable through the entity (a resource never
     * changes tenant through the API); only the bootstrap client follows its configuration this way.
     */
    public Uni<Integer> moveToTenant(UUID id, String tenant) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery("UPDATE api_clients SET tenant = ?1 WHERE id = ?2")
                        .setParameter(1, tenant).setParameter(2, id).executeUpdate()));
    }
}
