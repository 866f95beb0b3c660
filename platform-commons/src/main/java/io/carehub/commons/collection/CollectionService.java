package io.carehub.commons.collection;

import java.util.UUID;

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.smallrye.mutiny.Uni;

/**
 * What {@link CollectionEndpoints} needs of a collection's service. Each service implements the operations
 * its collection has (API.md §4) with its own rules, transactions and change events; an operation the
 * collection does not have is never called (its resource has no endpoint for it). The resources are a tenant's data,
 * each of one environment ({@code PartitionedResource}), or tenant-wide records ({@link io.carehub.commons.persistence.TenantResource}:
 * configuration every environment shares), whose service reads only the partition's tenant.
 */
public interface CollectionService<E extends TenantResource> {

    /** The resource, or a failed {@code 404 not_found}. */
    Uni<E> get(Partition partition, UUID id);

    /** The rows of one Find page: {@code find.page().size() + 1} at most, in {@code (updated_at, id)} order. */
    Uni<PageRows<E>> page(Partition partition, FindParameters find);

    /** One page of a core-face list (API-CORE.md §C3) and its total. */
    default Uni<ListPage<E>> list(Partition partition, ListParameters list) {
        throw new UnsupportedOperationException("no core-face list");
    }

    default Uni<E> create(Partition partition, Fields fields) {
        throw new UnsupportedOperationException("no Create");
    }

    default Uni<E> update(Partition partition, UUID id, Fields fields) {
        throw new UnsupportedOperationException("no Update");
    }

    default Uni<E> delete(Partition partition, UUID id) {
        throw new UnsupportedOperationException("no Delete");
    }
}
