package io.carehub.patients.integrationtask;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.persistence.JsonArrayConverter;
import io.carehub.commons.persistence.PartitionedResource;

/**
 * One task of an integration job (an import, a sync with an EHR, ...), written by the platform operator's
 * integrations ({@code admin}) and readable by the tenant: its {@code status} and the {@code errors} it met.
 */
@Entity
@Table(name = "integration_tasks")
public class IntegrationTask extends PartitionedResource {

    public String status;

    @Column(name = "user_id", updatable = false)
    public UUID userId;

    /** A JSON list of strings. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "ref_ids::text", write = "?::text::jsonb")
    @Column(name = "ref_ids")
    public JsonNode refIds = JsonNodeFactory.instance.arrayNode();

    @Column(name = "job_id")
    public String jobId;

    @Column(name = "task_name")
    public String taskName;

    /** A JSON list of {@code {code, message, extra}}. */
    @Convert(converter = JsonArrayConverter.class)
    @ColumnTransformer(read = "errors::text", write = "?::text::jsonb")
    public JsonNode errors = JsonNodeFactory.instance.arrayNode();
}
