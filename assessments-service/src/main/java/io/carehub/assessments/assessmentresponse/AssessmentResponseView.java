package io.carehub.assessments.assessmentresponse;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** An assessment response on the wire (API.md §4, assessment_responses); {@code model} exactly as it was sent. */
public record AssessmentResponseView(String id, String userId, String specId, String specName, String specVersion,
        String title, @JsonRawValue String model, Instant createdAt, Instant updatedAt) {

    public static AssessmentResponseView of(AssessmentResponse r) {
        return new AssessmentResponseView(r.id.toString(), r.userId.toString(), r.specId, r.specName, r.specVersion,
                r.title, r.modelAsSent, r.createdAt, r.updatedAt);
    }
}
