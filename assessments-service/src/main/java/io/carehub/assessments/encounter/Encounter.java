package io.carehub.assessments.encounter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.persistence.DeletableResource;
import io.carehub.commons.persistence.JsonArrayConverter;

/**
 * A visit or call documented about a patient (API-CORE.md §C8), with the assessments made in it. {@code open} when
 * made; once {@code completed} it is final: it and its assessments are locked. Deleted softly.
 */
@Entity
@Table(name = "encounters")
public class Encounter extends DeletableResource {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    /** The status a deleted encounter shows (it is stored as the {@code deleted} flag). */
    public static final String DELETED = "deleted";

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    public String title;

    public String notes;

    @Column(name = "start_time")
    public Instant startTime;

    @Column(name = "end_time")
    public Instant endTime;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "calendar_event_id")
    public UUID calendarEventId;

    /** The ids of the assessments made in it, in order: a JSON list of strings. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "assessment_ids::text", write = "?::text::jsonb")
    @Column(name = "assessment_ids", nullable = false)
    public JsonNode assessmentIds = JsonNodeFactory.instance.arrayNode();

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** The status shown: {@code deleted} once deleted, else the stored one. */
    public String shownStatus() {
        return deleted ? DELETED : status;
    }

    void attach(UUID assessmentId) {
        ArrayNode ids = assessmentIds.deepCopy();
        ids.add(assessmentId.toString());
        assessmentIds = ids;
    }
}
