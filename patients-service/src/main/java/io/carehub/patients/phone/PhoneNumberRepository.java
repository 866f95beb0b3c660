package io.carehub.patients.phone;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.paging.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PhoneNumberRepository implements PanacheRepositoryBase<PhoneNumber, UUID> {

    public Uni<PhoneNumber> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<List<PhoneNumber>> page(KeysetQuery query) {
        return find(query.hql(), query.parameters()).range(0, query.fetchSize() - 1).list();
    }

    /**
     * The next {@code size} rows of the query (fewer at its end): a batch of an export. Not {@link #page}, which
     * fetches one more row to tell whether there is a next page: {@code CsvExport} stops at a batch that is
     * not exactly {@code size} rows long.
     */
    public Uni<List<PhoneNumber>> batch(KeysetQuery query, int size) {
        return find(query.hql(), query.parameters()).range(0, size - 1).list();
    }
}
