package io.carehub.patients.patient;

import java.net.URI;
import java.util.Collection;
import java.util.UUID;

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

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.carehub.patients.web.PathIds;
import io.smallrye.mutiny.Uni;

@Path("/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patients")
public class PatientResource {

    private final PatientService service;
    private final Caller caller;
    private final PublicUrls urls;

    public PatientResource(PatientService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Get a patient")
    public Uni<Data<PatientView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(p -> Data.of(PatientView.of(p)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Find patients, paged by updated_at")
    public Uni<FindResponse<PatientView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), PatientFields.FILTERS, false), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Find patients, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PatientView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, PatientFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<PatientView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find)
                .map(page -> FindResponse.of(page.map(PatientView::of), find,
                        urls.collection(uriInfo, PatientFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Create a patient, and with it the email, phone, phone_numbers, email_addresses, external_ids"
            + " and custom_data_type_records given (all or nothing; each needs its collection's write scope)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = PatientFields.SCHEMA.create(JsonBodies.object(body));
        checkRelatedScopes(fields);
        return service.create(caller.tenant(), fields).map(p -> Response.ok(Data.of(visible(p)))
                .location(URI.create(urls.collection(uriInfo, PatientFields.COLLECTION) + "/" + p.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Update a patient; fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID patientId = PathIds.guid(id);
        var fields = PatientFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), patientId, fields).map(p -> Data.of(visible(p)));
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

    private Object visible(Patient p) {
        return caller.visible(PatientFields.COLLECTION, PatientView.of(p), p.id.toString());
    }
}
