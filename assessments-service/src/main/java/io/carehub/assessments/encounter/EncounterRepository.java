package io.carehub.assessments.encounter;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.DeletableRepository;

@ApplicationScoped
public class EncounterRepository implements DeletableRepository<Encounter> {
}
