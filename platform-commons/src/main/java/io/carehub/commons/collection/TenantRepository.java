package io.carehub.commons.collection;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.FindHorizon;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.persistence.WriteStamp;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The repository of a tenant-confined collection: what every collection reads the same way. */
public interface TenantRepository<E extends TenantResource> extends PanacheRepositoryBase<E, UUID> {

    /**
     * The resource {@code id} of {@code tenant}, or null: another tenant's is indistinguishable from none. A load by
     * primary key (the session's own loader, no query to translate), then the tenant compared: the Get of every
     * collection, the hottest read there is.
     */
    default Uni<E> findInTenant(String tenant, UUID id) {
        return findById(id).map(found -> found != null && tenant.equals(found.tenant) ? found : null);
    }

    /** The resource {@code id} of {@code tenant}, or a failed {@code 404 not_found}. */
    default Uni<E> getInTenant(String tenant, UUID id) {
        return findInTenant(tenant, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * The resource {@code id} of {@code tenant} locked for this transaction's update ({@code SELECT ... FOR UPDATE}),
     * or a failed {@code 404 not_found}: concurrent updates of one resource take turns, so none loses another's
     * fields and {@code updated_at} only moves forward.
     */
    default Uni<E> lockInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * In the caller's transaction: the resource {@code id} of {@code tenant}, locked ({@link #lockInTenant}) and
     * with {@code updated_at} moved forward to this write's {@link WriteStamp}; or a failed {@code 404 not_found}.
     * What every Update starts with.
     */
    default Uni<E> lockForUpdate(String tenant, UUID id) {
        return WriteStamp.now().chain(now -> lockInTenant(tenant, id).invoke(resource -> resource.changed(now)));
    }

    /**
     * One Find page (one row more than its size, to tell whether a next page exists), never past the
     * {@link FindHorizon}: a change still in flight is never overtaken.
     */
    default Uni<PageRows<E>> page(KeysetQuery query) {
        return FindHorizon.read().chain(horizon -> {
            KeysetQuery bounded = query.before(horizon.bound());
            return find(bounded.hql(), bounded.parameters()).range(0, bounded.fetchSize() - 1).list()
                    .map(rows -> new PageRows<>(rows, horizon.mayGrow(query.to())));
        });
    }
}
