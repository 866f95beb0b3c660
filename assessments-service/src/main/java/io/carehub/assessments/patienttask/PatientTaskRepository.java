package io.carehub.assessments.patienttask;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.DeletableRepository;

@ApplicationScoped
public class PatientTaskRepository implements DeletableRepository<PatientTask> {
}
