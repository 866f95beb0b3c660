package io.carehub.assessments.assessmentresponse;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class AssessmentResponseRepository implements PartitionRepository<AssessmentResponse> {
}
