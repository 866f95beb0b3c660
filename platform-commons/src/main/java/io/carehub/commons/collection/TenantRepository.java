package io.carehub.commons.collection;

import java.util.List;
import java.util.UUID;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.persistence.TenantResource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The repository of a tenant-confined collection: what every collection reads the same way. */
public interface TenantRepository<E extends TenantResource> extends PanacheRepositoryBase<E, UUID> {

    /** The resource {@code id} of {@code tenant}, or null: another tenant's is indistinguishable from none. */
    default Uni<E> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The resource {@code id} of {@code tenant}, or a failed {@code 404 not_found}. */
    default Uni<E> getInTenant(String tenant, UUID id) {
        return findInTenant(tenant, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /** One Find page (one row more than its size, to tell whether a next page exists). */
    default Uni<List<E>> page(KeysetQuery query) {
        return find(query.hql(), query.parameters()).range(0, query.fetchSize() - 1).list();
    }
}
