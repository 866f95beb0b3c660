package io.carehub.patients.program;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.TenantResource;

/** A care program (API-CORE.md §C7): the phases a patient moves through. The tenant's, shared by its environments. */
@Entity
@Table(name = "programs")
public class Program extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String name;

    public String title;

    public String description;

    /** A JSON list of {@link ProgramPhase}s ({@link ProgramPhase#toJson}). */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "phases::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public JsonNode phases;

    public List<ProgramPhase> phaseList() {
        return ProgramPhase.listFromJson(phases);
    }

    /** The phases as shown and compared: each with its members in their order. */
    public JsonNode phasesInOrder() {
        return ProgramPhase.canonical(phaseList());
    }

    /** The phase {@code name}, or null. */
    public ProgramPhase phase(String name) {
        return phaseList().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
