package io.carehub.assessments.assessmentresponse;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AssessmentResponseService implements CollectionService<AssessmentResponse> {

    private final AssessmentResponseRepository responses;
    private final References references;
    private final Outbox outbox;

    public AssessmentResponseService(AssessmentResponseRepository responses, References references, Outbox outbox) {
        this.responses = responses;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<AssessmentResponse> get(Partition partition, UUID id) {
        return responses.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<AssessmentResponse>> page(Partition partition, FindParameters find) {
        return responses.page(KeysetQuery.of(partition, find, false));
    }

    /**
     * The answers of an assessment about a patient of the tenant, and their change event. The patient is checked
     * first, outside the transaction: that may ask patients-service.
     */
    @Override
    public Uni<AssessmentResponse> create(Partition partition, Fields fields) {
        return references.require(partition, "patients", fields.guid("user_id"), "user_id")
                .chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
                    AssessmentResponse response = new AssessmentResponse();
                    response.created(partition, now);
                    AssessmentResponseFields.apply(fields, response);
                    return responses.persist(response)
                            .call(() -> outbox.record(response, AssessmentResponseFields.COLLECTION, ChangeOperation.CREATED));
                })));
    }
}
