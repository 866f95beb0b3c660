package io.carehub.assessments.careflow;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class CareFlowRepository implements TenantRepository<CareFlow> {
}
