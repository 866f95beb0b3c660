package io.carehub.patients.patient;

import java.util.Collection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Patients (API.md §4): Get, Find, Create and Update. Create may make the patient's phone numbers, email
 * addresses, external ids and custom data type records with it, each of which needs its collection's write scope.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patients")
public class PatientResource {

    private final CollectionEndpoints<Patient, PatientView> endpoints;
    private final Caller caller;

    public PatientResource(PatientService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(PatientFields.COLLECTION, service, PatientView::of,
                PatientFields.SCHEMA, PatientFields.FILTERS, false, caller, urls);
        this.caller = caller;
    }

    @GET
    @Path("patients/{id}")
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Get a patient")
    public Uni<Data<PatientView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("patients")
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Find patients, paged by updated_at")
    public Uni<FindResponse<PatientView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("patients/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Find patients, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PatientView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("patients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Create a patient, and with it the email, phone, phone_numbers, email_addresses, external_ids"
            + " and custom_data_type_records given (all or nothing; each needs its collection's write scope)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo, this::checkRelatedScopes);
    }

    @PUT
    @Path("patients/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Update a patient; fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/patients")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Every patient of the tenant as CSV, streamed (optional page[from], page[to])")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, PatientFields.COLUMNS, PatientFields::row);
    }

    /**
     * The records a Create makes with the patient are writes to their collections: a caller without
     * {@code all} needs each one's write scope, as it would to create them on their own.
     */
    private void checkRelatedScopes(Fields fields) {
        for (var related : PatientFields.RELATED.entrySet()) {
            Object value = fields.get(related.getKey());
            boolean makesRecords = value != null && !(value instanceof Collection<?> list && list.isEmpty());
            if (makesRecords && !caller.has(Scopes.ALL) && !caller.has(Scopes.write(related.getValue()))) {
                throw new ApiException(ApiError.at(ErrorCode.FORBIDDEN, "." + related.getKey(),
                        related.getKey() + " creates " + related.getValue() + ", which needs the scope "
                                + Scopes.write(related.getValue())));
            }
        }
    }
}
