package io.carehub.commons.collection;

import java.util.UUID;

import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.FindHorizon;
import io.carehub.commons.persistence.TenantResource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * What every collection's repository reads the same way, whatever confines it ({@link PartitionRepository}: a tenant's
 * environment; {@link TenantWideRepository}: a tenant): a Find page and a core-face list page, each from its query.
 */
public interface ResourceRepository<E extends TenantResource> extends PanacheRepositoryBase<E, UUID> {

    /** One page of a core-face list and the total it is a page of (API-CORE.md §C3): two statements, one session. */
    default Uni<ListPage<E>> list(ListQuery query) {
        return count(query.where(), query.parameters())
                .chain(total -> find(query.hql(), query.parameters()).page(query.list().page(), query.list().size()).list()
                        .map(rows -> ListPage.of(rows, query.list(), total)));
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
