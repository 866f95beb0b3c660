package io.carehub.assessments.encounter;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.access.AccessContext;
import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
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
import io.carehub.commons.references.References;
import io.carehub.commons.references.References.Reference;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Encounters (API-CORE.md §C8), on both faces. A new encounter is open; completing it makes it final: any later
 * change to it, or to an assessment of it, is {@code 409 locked}, unless the client's role allows
 * {@code update_completed} there (API-CORE.md §C9; on the v1 face, where roles are enforced so far). Every change locks the encounter's row first, so a
 * completion and an edit of its assessment take turns and never interleave. Its patient, worker and calendar event
 * are checked by the shared reference mechanism before the write's transaction.
 */
@ApplicationScoped
public class EncounterService implements CollectionService<Encounter> {

    private final EncounterRepository encounters;
    private final References references;
    private final Outbox outbox;
    private final AccessContext access;

    public EncounterService(EncounterRepository encounters, References references, Outbox outbox, AccessContext access) {
        this.encounters = encounters;
        this.references = references;
        this.outbox = outbox;
        this.access = access;
    }

    @Override
    @WithSession
    public Uni<Encounter> get(Partition partition, UUID id) {
        return encounters.getIn(partition, id);
    }

    /** Deleted encounters only with {@code include_deleted=true}. */
    @Override
    @WithSession
    public Uni<PageRows<Encounter>> page(Partition partition, FindParameters find) {
        return encounters.page(KeysetQuery.of(partition, find, true));
    }

    /** One page of the patient's encounters, with its total. */
    @WithSession
    public Uni<ListPage<Encounter>> listOf(Partition partition, UUID patientId, ListParameters list) {
        return references.require(partition, "patients", patientId, "patientId")
                .onFailure(e -> e instanceof ApiException a && a.status() == 404).transform(e -> ApiException.notFound())
                .chain(() -> encounters.list(ListQuery.of(partition, list, true).where("userId", patientId)));
    }

    @Override
    public Uni<Encounter> create(Partition partition, Fields fields) {
        return checkReferences(partition, fields, true).chain(() -> Panache.withTransaction(() -> WriteStamp.now()
                .chain(now -> {
                    Encounter encounter = new Encounter();
                    encounter.created(partition, now);
                    encounter.userId = fields.guid("user_id");
                    encounter.status = Encounter.OPEN;
                    EncounterFields.apply(fields, encounter);
                    return encounters.persist(encounter)
                            .call(() -> outbox.record(encounter, EncounterFields.COLLECTION, ChangeOperation.CREATED));
                })));
    }

    @Override
    public Uni<Encounter> update(Partition partition, UUID id, Fields fields) {
        return update(partition, null, id, fields);
    }

    /** Update; {@code patientId} (the core face's path), when given, must be the encounter's patient, else {@code 404}. */
    public Uni<Encounter> update(Partition partition, UUID patientId, UUID id, Fields fields) {
        return checkReferences(partition, fields, false).chain(() -> Panache.withTransaction(() -> lockStamped(partition, id)
                .invoke(e -> requireOf(e, patientId)).invoke(e -> requireOpen(e, EncounterFields.COLLECTION))
                .call(encounter -> {
                    EncounterFields.apply(fields, encounter);
                    return encounters.flush()
                            .call(() -> outbox.record(encounter, EncounterFields.COLLECTION, ChangeOperation.UPDATED));
                })));
    }

    @Override
    public Uni<Encounter> delete(Partition partition, UUID id) {
        return delete(partition, null, id);
    }

    /** Soft delete: {@code deleted}, gone from Get and Find (but Find with include_deleted); a completed one is locked. */
    public Uni<Encounter> delete(Partition partition, UUID patientId, UUID id) {
        return Panache.withTransaction(() -> encounters.lockIn(partition, id)
                .invoke(e -> requireOf(e, patientId)).invoke(e -> requireOpen(e, EncounterFields.COLLECTION))
                .call(e -> WriteStamp.now().invoke(e::deleted))
                .call(encounter -> encounters.flush()
                        .call(() -> outbox.record(encounter, EncounterFields.COLLECTION, ChangeOperation.DELETED))));
    }

    /** The encounter; {@code patientId}, when given, must be its patient, else {@code 404}. */
    @WithSession
    public Uni<Encounter> getOf(Partition partition, UUID patientId, UUID id) {
        return encounters.getIn(partition, id).invoke(e -> requireOf(e, patientId));
    }

    /**
     * In the caller's transaction: the open encounter {@code id} of the patient {@code userId}, locked for this
     * transaction (a completion waits for it, or it for the completion); a failed {@code 404 resource_not_found} at
     * {@code path} when there is none, {@code 409 locked} when it is completed.
     */
    public Uni<Encounter> lockOpen(Partition partition, UUID userId, UUID id, String path) {
        return encounters.lockIn(partition, id)
                .onFailure(ApiException.class).transform(e -> ApiException.referenceNotFound(path.substring(1)))
                .invoke(e -> {
                    if (!e.userId.equals(userId)) {
                        throw ApiException.referenceNotFound(path.substring(1));
                    }
                    requireOpen(e, "assessment_responses");
                });
    }

    /** In the caller's transaction, on an encounter {@link #lockOpen} locked: the assessment {@code assessmentId} is of it. */
    public Uni<Void> attach(Encounter encounter, UUID assessmentId) {
        return WriteStamp.now().chain(now -> {
            encounter.changed(now);
            encounter.attach(assessmentId);
            return encounters.flush()
                    .call(() -> outbox.record(encounter, EncounterFields.COLLECTION, ChangeOperation.UPDATED));
        }).replaceWithVoid();
    }

    /**
     * The encounter locked, then stamped: its {@code updated_at} is read after the lock is held, so the writes that take
     * turns on an encounter's row (a completion, an edit of its assessment) are stamped in the order they happened.
     */
    private Uni<Encounter> lockStamped(Partition partition, UUID id) {
        return encounters.lockIn(partition, id).call(e -> WriteStamp.now().invoke(e::changed));
    }

    private static void requireOf(Encounter encounter, UUID patientId) {
        if (patientId != null && !encounter.userId.equals(patientId)) {
            throw ApiException.notFound();
        }
    }

    /**
     * A completed encounter is final: a change of it or of an assessment in it ({@code collection}) is
     * {@code 409 locked}, unless the caller's role allows {@code update_completed} there (API-CORE.md §C9).
     */
    private void requireOpen(Encounter encounter, String collection) {
        if (encounter.completed() && !access.current().mayUpdateCompleted(collection)) {
            throw locked();
        }
    }

    public static ApiException locked() {
        return ApiException.of(ErrorCode.LOCKED, "the encounter is completed: it and its assessments are final");
    }

    private Uni<Void> checkReferences(Partition partition, Fields fields, boolean create) {
        return references.requireAll(partition, List.of(
                new Reference("patients", create ? fields.guid("user_id") : null, ".user_id"),
                new Reference("workers", fields.guid("worker_id"), ".worker_id"),
                new Reference("calendar_events", fields.guid("calendar_event_id"), ".calendar_event_id")));
    }
}
