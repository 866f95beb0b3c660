package io.carehub.patients.phasechange;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Phase changes (API-CORE.md §C7): read by Get, Find and export; written only by a move, in its transaction. */
@ApplicationScoped
public class PhaseChangeService implements CollectionService<PhaseChange> {

    private final PhaseChangeRepository changes;
    private final Outbox outbox;

    public PhaseChangeService(PhaseChangeRepository changes, Outbox outbox) {
        this.changes = changes;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<PhaseChange> get(Partition partition, UUID id) {
        return changes.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<PhaseChange>> page(Partition partition, FindParameters find) {
        return changes.page(KeysetQuery.of(partition, find, false));
    }

    /** In the caller's transaction: the move of the patient {@code userId} from {@code from} (null: none) to {@code to}. */
    public Uni<PhaseChange> record(Partition partition, UUID userId, String programName, String from, String to, String by,
            Instant now) {
        PhaseChange change = new PhaseChange();
        change.created(partition, now);
        change.userId = userId;
        change.programName = programName;
        change.fromPhase = from;
        change.toPhase = to;
        change.changedAt = now;
        change.changedBy = by;
        return changes.persist(change)
                .call(() -> outbox.record(change, PhaseChangeFields.COLLECTION, ChangeOperation.CREATED));
    }
}
