package io.carehub.patients.enrollment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.carehub.commons.collection.DeletableRepository;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientProgramRepository implements DeletableRepository<PatientProgram> {

    /** The patient's enrollment in the program that is in progress, locked for this transaction's change, or null. */
    public Uni<PatientProgram> lockInProgress(Partition partition, UUID userId, String programName) {
        return find("tenant = ?1 and environment = ?2 and userId = ?3 and programName = ?4 and status = ?5"
                + " and deleted = false", partition.tenant(), partition.environment(), userId, programName,
                PatientProgram.IN_PROGRESS).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The enrollment a patient's program path names: the one in progress, else the latest; or null. */
    public Uni<PatientProgram> current(Partition partition, UUID userId, String programName) {
        return find("tenant = ?1 and environment = ?2 and userId = ?3 and programName = ?4 and deleted = false"
                + " order by (case when status = 'in_progress' then 0 else 1 end), createdAt desc, id desc",
                partition.tenant(), partition.environment(), userId, programName).firstResult();
    }

    /** The phases some patient of {@code tenant} (any environment) is in, in the program {@code programName}. */
    public Uni<List<String>> phasesInProgress(String tenant, String programName) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select distinct currentPhase from"
                + " PatientProgram where tenant = ?1 and programName = ?2 and status = ?3 and deleted = false", String.class)
                .setParameter(1, tenant).setParameter(2, programName).setParameter(3, PatientProgram.IN_PROGRESS)
                .getResultList());
    }
}
