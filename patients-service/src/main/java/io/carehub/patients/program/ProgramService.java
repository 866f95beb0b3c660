package io.carehub.patients.program;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.DatabaseErrors;
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
import io.carehub.commons.validation.Fields;
import io.carehub.patients.enrollment.PatientProgramRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Program definitions (API-CORE.md §C7): the tenant's, whatever the caller's environment; admin writes, each with its
 * change event (tenant-wide: no environment). An Update may not take away a phase some patient is in (in any
 * environment): their enrollment could neither move nor finish.
 */
@ApplicationScoped
public class ProgramService implements CollectionService<Program> {

    static final String NAME_UNIQUE = "programs_tenant_name_key";

    private final ProgramRepository programs;
    private final PatientProgramRepository enrollments;
    private final Outbox outbox;

    public ProgramService(ProgramRepository programs, PatientProgramRepository enrollments, Outbox outbox) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Program> get(Partition partition, UUID id) {
        return programs.getIn(partition.tenant(), id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Program>> page(Partition partition, FindParameters find) {
        return programs.page(KeysetQuery.inTenant(partition.tenant(), find, false));
    }

    @Override
    @WithSession
    public Uni<ListPage<Program>> list(Partition partition, ListParameters list) {
        return programs.list(ListQuery.inTenant(partition.tenant(), list, false));
    }

    @Override
    public Uni<Program> create(Partition partition, Fields fields) {
        JsonNode phases = ProgramFields.checkedPhases(fields.list("phases"));
        return Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
            Program program = new Program();
            program.created(partition.tenant(), now);
            ProgramFields.apply(fields, program);
            program.phases = phases;
            return programs.persistAndFlush(program)
                    .call(() -> outbox.recordTenantWide(program, ProgramFields.COLLECTION, ChangeOperation.CREATED));
        })).onFailure(e -> DatabaseErrors.isUniqueViolation(e, NAME_UNIQUE))
                .transform(e -> ApiException.uniqueness(".name", "this tenant has a program named " + fields.string("name")));
    }

    @Override
    public Uni<Program> update(Partition partition, UUID id, Fields fields) {
        JsonNode phases = fields.has("phases") ? ProgramFields.checkedPhases(fields.list("phases")) : null;
        return Panache.withTransaction(() -> programs.lockForUpdate(partition.tenant(), id).call(program -> {
            ProgramFields.apply(fields, program);
            if (phases == null) {
                return saved(program);
            }
            Set<String> kept = ProgramPhase.listFromJson(phases).stream().map(ProgramPhase::name).collect(Collectors.toSet());
            return enrollments.phasesInProgress(partition.tenant(), program.name).chain(inUse -> {
                List<String> dropped = inUse.stream().filter(p -> !kept.contains(p)).sorted().toList();
                if (!dropped.isEmpty()) {
                    return Uni.createFrom().failure(ApiException.badRequest(".phases", "patients are in "
                            + String.join(", ", dropped) + " of this program: a phase with patients in it stays"));
                }
                program.phases = phases;
                return saved(program);
            });
        }));
    }

    private Uni<Program> saved(Program program) {
        return programs.flush()
                .call(() -> outbox.recordTenantWide(program, ProgramFields.COLLECTION, ChangeOperation.UPDATED))
                .replaceWith(program);
    }

    /** In the caller's session: the program {@code name} of {@code tenant}, or null. */
    public Uni<Program> byName(String tenant, String name) {
        return programs.findByName(tenant, name);
    }
}
