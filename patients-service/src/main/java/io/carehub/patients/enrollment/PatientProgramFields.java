package io.carehub.patients.enrollment;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Timestamps;

/** How enrollments are found and exported (API-CORE.md §C7). */
public final class PatientProgramFields {

    public static final String COLLECTION = "patient_programs";

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("program_name", Types.NON_EMPTY_STRING, "programName"),
            Filter.of("status", Types.enumOf(PatientProgram.IN_PROGRESS, PatientProgram.FINISHED), "status"));

    /**
     * The columns of the export, in a stable order: new ones are appended, never reordered. {@code deleted} says whether
     * an enrollment was ended (an export with {@code include_deleted=true} has such rows).
     */
    static final List<String> COLUMNS = List.of("id", "user_id", "program_name", "status", "current_phase",
            "current_phase_entered_at", "history", "created_at", "updated_at", "deleted");

    private PatientProgramFields() {
    }

    static List<Object> row(PatientProgram p) {
        return Arrays.asList(p.id, p.userId, p.programName, p.status, p.currentPhase, p.currentPhaseEnteredAt,
                historyText(p), p.createdAt, p.updatedAt, p.deleted);
    }

    /** The history as JSON text, each entry's members in the order the API shows them (jsonb keeps no order). */
    private static String historyText(PatientProgram p) {
        var list = JsonNodeFactory.instance.arrayNode();
        for (var e : PatientProgramView.history(p.history)) {
            list.addObject().put("phase", e.phase()).put("entered_at", Timestamps.format(e.enteredAt())).put("by", e.by());
        }
        return list.toString();
    }
}
