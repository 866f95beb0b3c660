package io.carehub.patients.enrollment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.carehub.commons.access.Access;
import io.carehub.commons.collection.CoreNames;
import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.paging.ListQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.carehub.patients.patient.PatientRepository;
import io.carehub.patients.phasechange.PhaseChangeService;
import io.carehub.patients.program.Program;
import io.carehub.patients.program.ProgramPhase;
import io.carehub.patients.program.ProgramRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Enrollments of patients in programs (API-CORE.md §C7). A patient enters a program at its start phase and moves only
 * along {@code next}; entering a finish phase finishes the enrollment; every move writes its phase change in the same
 * transaction. A patient is in a program at most once at a time: moves of one patient's enrollment take the patient's
 * row lock, and a unique index holds it even so. The program's row is read with a shared lock, so a definition change
 * that drops a phase and a move into it take turns.
 */
@ApplicationScoped
public class PatientProgramService implements CollectionService<PatientProgram> {

    static final String ONE_IN_PROGRESS = "patient_programs_one_in_progress_key";

    /** What a move did: the enrollment, and whether it began with it. */
    public record Moved(PatientProgram enrollment, boolean enrolled) {
    }

    private final PatientProgramRepository enrollments;
    private final ProgramRepository programs;
    private final PatientRepository patients;
    private final PhaseChangeService phaseChanges;
    private final Outbox outbox;

    public PatientProgramService(PatientProgramRepository enrollments, ProgramRepository programs,
            PatientRepository patients, PhaseChangeService phaseChanges, Outbox outbox) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.patients = patients;
        this.phaseChanges = phaseChanges;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<PatientProgram> get(Partition partition, UUID id) {
        return enrollments.getIn(partition, id);
    }

    /** Ended enrollments only with {@code include_deleted=true}. */
    @Override
    @WithSession
    public Uni<PageRows<PatientProgram>> page(Partition partition, FindParameters find) {
        return enrollments.page(KeysetQuery.of(partition, find, true));
    }

    /** One page of the patient's enrollments (every program), with its total; an unknown patient is {@code 404}. */
    @WithSession
    public Uni<ListPage<PatientProgram>> listOf(Partition partition, UUID patientId, ListParameters list) {
        return patients.getIn(partition, patientId)
                .chain(() -> enrollments.list(ListQuery.of(partition, list, true).where("userId", patientId)));
    }

    /** The enrollment the patient's program path names: in progress, else the latest; {@code 404} if none. */
    @WithSession
    public Uni<PatientProgram> current(Partition partition, UUID patientId, String programName) {
        return enrollments.current(partition, patientId, programName).onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * Enrols the patient at {@code phaseName} if not in the program (it must be the start phase), else moves it there
     * (it must be in the current phase's {@code next}); {@code by} is the API client. A bad move is
     * {@code 400 bad_request} and changes nothing. {@code access}: what the caller's roles allow (an enrollment is a
     * create of patient_programs, a move an update of its current phase; {@code 403} and nothing changed otherwise).
     */
    public Uni<Moved> move(Partition partition, UUID patientId, String programName, String phaseName, String by,
            Access access) {
        return Panache.withTransaction(() -> programs.find("tenant = ?1 and name = ?2", partition.tenant(), programName)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResult()
                .onItem().ifNull().failWith(ApiException::notFound)
                .chain(program -> patients.lockIn(partition, patientId)
                        .chain(() -> enrollments.lockInProgress(partition, patientId, programName))
                        .invoke(enrollment -> access.requireWritable(PatientProgramFields.COLLECTION, enrollment == null
                                ? Access.Operation.CREATE : Access.Operation.UPDATE, enrollment == null
                                ? List.of("programName", "currentPhase") : List.of("currentPhase"), CoreNames::snakeCase))
                        .chain(enrollment -> WriteStamp.now().chain(now -> enrollment == null
                                ? enrol(partition, patientId, program, phaseName, by, now)
                                : moveOn(partition, enrollment, program, phaseName, by, now)))))
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, ONE_IN_PROGRESS))
                .transform(e -> ApiException.of(ErrorCode.UNIQUENESS_EXCEPTION,
                        "this patient is in " + programName + " already"));
    }

    private Uni<Moved> enrol(Partition partition, UUID patientId, Program program, String phaseName, String by,
            java.time.Instant now) {
        ProgramPhase phase = program.phase(phaseName);
        if (phase == null || !ProgramPhase.START.equals(phase.kind())) {
            String start = program.phaseList().stream().filter(p -> ProgramPhase.START.equals(p.kind()))
                    .map(ProgramPhase::name).findFirst().orElse("?");
            throw ApiException.of(ErrorCode.BAD_REQUEST, "the patient is not in " + program.name
                    + ": it enters at its start phase, " + start + ", not at " + phaseName);
        }
        PatientProgram enrollment = new PatientProgram();
        enrollment.created(partition, now);
        enrollment.userId = patientId;
        enrollment.programName = program.name;
        enrollment.status = PatientProgram.IN_PROGRESS;
        enrollment.enter(phaseName, now, by);
        return enrollments.persistAndFlush(enrollment)
                .call(() -> outbox.record(enrollment, PatientProgramFields.COLLECTION, ChangeOperation.CREATED))
                .call(() -> phaseChanges.record(partition, patientId, program.name, null, phaseName, by, now))
                .replaceWith(new Moved(enrollment, true));
    }

    private Uni<Moved> moveOn(Partition partition, PatientProgram enrollment, Program program, String phaseName, String by,
            java.time.Instant now) {
        ProgramPhase current = program.phase(enrollment.currentPhase);
        if (current == null || !current.next().contains(phaseName)) {
            throw ApiException.of(ErrorCode.BAD_REQUEST, "from " + enrollment.currentPhase + " a patient of "
                    + program.name + " moves to " + (current == null || current.next().isEmpty() ? "no phase"
                            : String.join(" or ", current.next())) + ", not to " + phaseName);
        }
        String from = enrollment.currentPhase;
        enrollment.changed(now);
        enrollment.enter(phaseName, enrollment.updatedAt, by);
        if (program.phase(phaseName).isFinish()) {
            enrollment.status = PatientProgram.FINISHED;
        }
        return enrollments.flush()
                .call(() -> outbox.record(enrollment, PatientProgramFields.COLLECTION, ChangeOperation.UPDATED))
                .call(() -> phaseChanges.record(partition, enrollment.userId, program.name, from, phaseName, by,
                        enrollment.updatedAt))
                .replaceWith(new Moved(enrollment, false));
    }

    /** Ends the enrollment the patient's program path names (softly: {@code deleted}, with its event); {@code 404} if none. */
    public Uni<PatientProgram> end(Partition partition, UUID patientId, String programName) {
        return Panache.withTransaction(() -> patients.lockIn(partition, patientId)
                .chain(() -> enrollments.current(partition, patientId, programName))
                .onItem().ifNull().failWith(ApiException::notFound)
                .chain(found -> enrollments.lockForDelete(partition, found.id))
                .call(enrollment -> enrollments.flush()
                        .call(() -> outbox.record(enrollment, PatientProgramFields.COLLECTION, ChangeOperation.DELETED))));
    }
}
