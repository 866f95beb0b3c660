package io.carehub.patients.patient;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.paging.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Uni<Patient> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** Whether {@code id} names a patient of {@code tenant}: what every {@code user_id} must do. */
    public Uni<Boolean> existsInTenant(String tenant, UUID id) {
        return count("tenant = ?1 and id = ?2", tenant, id).map(n -> n > 0);
    }

    public Uni<List<Patient>> page(KeysetQuery query) {
        return find(query.hql(), query.parameters()).range(0, query.fetchSize() - 1).list();
    }

    /**
     * The next {@code size} rows of the query (fewer at its end): a batch of an export. Not {@link #page}, which
     * fetches one more row to tell whether there is a next page: {@code CsvExport} stops at a batch that is
     * not exactly {@code size} rows long.
     */
    public Uni<List<Patient>> batch(KeysetQuery query, int size) {
        return find(query.hql(), query.parameters()).range(0, size - 1).list();
    }
}
