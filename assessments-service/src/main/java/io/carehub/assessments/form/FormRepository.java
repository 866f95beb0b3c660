package io.carehub.assessments.form;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantWideRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FormRepository implements TenantWideRepository<Form> {

    /** The form {@code name} of {@code tenant}, or null. */
    public Uni<Form> findByName(String tenant, String name) {
        return find("tenant = ?1 and name = ?2", tenant, name).firstResult();
    }
}
