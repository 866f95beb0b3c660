package io.carehub.assessments.assessmentresponse;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * An assessment on the v1 face (API.md §4, assessment_responses): {@code model} as it was sent (answers to a form: as
 * checked), then what API-CORE.md §C8 adds: the form and version it answers, its encounter, its status.
 */
public record AssessmentResponseView(String id, String userId, String specId, String specName, String specVersion,
        String title, @JsonRawValue String model, Instant createdAt, Instant updatedAt, String formName,
        Integer formVersion, String encounterId, String status) {

    public static AssessmentResponseView of(AssessmentResponse r) {
        return new AssessmentResponseView(r.id.toString(), r.userId.toString(), r.specId, r.specName, r.specVersion,
                r.title, r.modelAsSent, r.createdAt, r.updatedAt, r.formName, r.formVersion,
                r.encounterId == null ? null : r.encounterId.toString(), r.status);
    }
}
