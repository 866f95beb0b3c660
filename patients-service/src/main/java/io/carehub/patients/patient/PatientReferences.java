package io.carehub.patients.patient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.references.OwnedCollection;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/** Patients, as other services' {@code user_id} fields name them (the internal reference endpoint). */
@ApplicationScoped
public class PatientReferences implements OwnedCollection {

    private final PatientRepository patients;

    public PatientReferences(PatientRepository patients) {
        this.patients = patients;
    }

    @Override
    public String name() {
        return PatientFields.COLLECTION;
    }

    @Override
    public Uni<Boolean> exists(Partition partition, UUID id) {
        return patients.existsIn(partition, id);
    }
}
