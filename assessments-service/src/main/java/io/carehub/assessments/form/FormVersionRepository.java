package io.carehub.assessments.form;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FormVersionRepository implements PanacheRepositoryBase<FormVersion, FormVersion.Key> {

    /** Version {@code version} of the form {@code formId}, or null. */
    public Uni<FormVersion> find(UUID formId, int version) {
        return find("formId = ?1 and version = ?2", formId, version).firstResult();
    }
}
