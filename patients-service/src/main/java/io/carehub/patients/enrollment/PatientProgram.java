package io.carehub.patients.enrollment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.persistence.DeletableResource;
import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.web.Timestamps;

/**
 * A patient's enrollment in a program (API-CORE.md §C7, collection {@code patient_programs}): the phase it is in, since
 * when, and every phase it entered. {@code finished} once it enters a finish phase; ended (deleted, softly) by DELETE.
 */
@Entity
@Table(name = "patient_programs")
public class PatientProgram extends DeletableResource {

    public static final String IN_PROGRESS = "in_progress";
    public static final String FINISHED = "finished";

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "program_name", nullable = false, updatable = false)
    public String programName;

    @Column(nullable = false)
    public String status;

    @Column(name = "current_phase", nullable = false)
    public String currentPhase;

    @Column(name = "current_phase_entered_at", nullable = false)
    public Instant currentPhaseEnteredAt;

    /** Every phase entered, in order: a JSON list of {@code {phase, entered_at, by}}. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "history::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode history = JsonNodeFactory.instance.arrayNode();

    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }

    /** Enters {@code phase} at {@code at}, moved there by the API client {@code by}. */
    void enter(String phase, Instant at, String by) {
        currentPhase = phase;
        currentPhaseEnteredAt = at;
        var entries = history.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) entries).addObject().put("phase", phase)
                .put("entered_at", Timestamps.format(at)).put("by", by);
        history = entries;
    }
}
