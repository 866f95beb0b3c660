package io.carehub.assessments.assessmentresponse;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class AssessmentResponseRepository implements TenantRepository<AssessmentResponse> {
}
