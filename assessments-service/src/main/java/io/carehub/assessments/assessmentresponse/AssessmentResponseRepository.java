package io.carehub.assessments.assessmentresponse;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AssessmentResponseRepository implements PartitionRepository<AssessmentResponse> {

    /** An assessment's patient and encounter (never changed once made). */
    public record Of(UUID userId, UUID encounterId) {
    }

    /** The patient and encounter of the assessment {@code id} of {@code partition}, read without loading it; or null. */
    public Uni<Of> encounterOf(Partition partition, UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select userId, encounterId from"
                + " AssessmentResponse where tenant = ?1 and environment = ?2 and id = ?3", Object[].class)
                .setParameter(1, partition.tenant()).setParameter(2, partition.environment()).setParameter(3, id)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new Of((UUID) row[0], (UUID) row[1]));
    }
}
