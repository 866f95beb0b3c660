package io.carehub.assessments.assessmentresponse;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An assessment on the core face (API-CORE.md §C8): {@code {id, patientId, formName, formVersion, encounterId, status, answers}}. */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record AssessmentCoreView(String id, String patientId, String formName, Integer formVersion, String encounterId,
        String status, @JsonRawValue String answers, Instant createdAt, Instant updatedAt) {

    public static AssessmentCoreView of(AssessmentResponse r) {
        return new AssessmentCoreView(r.id.toString(), r.userId.toString(), r.formName, r.formVersion,
                r.encounterId == null ? null : r.encounterId.toString(), r.status, r.modelAsSent, r.createdAt, r.updatedAt);
    }
}
