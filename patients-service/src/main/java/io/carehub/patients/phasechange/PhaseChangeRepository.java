package io.carehub.patients.phasechange;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class PhaseChangeRepository implements PartitionRepository<PhaseChange> {
}
