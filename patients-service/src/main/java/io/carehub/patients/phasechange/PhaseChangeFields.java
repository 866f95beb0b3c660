package io.carehub.patients.phasechange;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Types;

/** How phase changes are found and exported (API-CORE.md §C7; the "Phase Changes" export). */
public final class PhaseChangeFields {

    public static final String COLLECTION = "phase_changes";

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("program_name", Types.NON_EMPTY_STRING, "programName"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "program_name", "from_phase", "to_phase", "changed_at",
            "changed_by", "created_at", "updated_at");

    private PhaseChangeFields() {
    }

    static List<Object> row(PhaseChange c) {
        return Arrays.asList(c.id, c.userId, c.programName, c.fromPhase, c.toPhase, c.changedAt, c.changedBy, c.createdAt,
                c.updatedAt);
    }
}
