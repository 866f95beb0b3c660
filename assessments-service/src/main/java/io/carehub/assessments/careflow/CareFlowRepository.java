package io.carehub.assessments.careflow;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class CareFlowRepository implements PartitionRepository<CareFlow> {
}
