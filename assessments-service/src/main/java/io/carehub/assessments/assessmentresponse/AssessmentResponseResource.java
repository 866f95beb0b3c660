package io.carehub.assessments.assessmentresponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Assessment responses (API.md §4): Get, Find (filters {@code spec_id}, {@code user_id}) and Create. The answers
 * of an assessment completed outside the platform; {@code model} is kept and returned exactly as it was sent.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessment_responses")
public class AssessmentResponseResource {

    private final CollectionEndpoints<AssessmentResponse, AssessmentResponseView> endpoints;

    public AssessmentResponseResource(AssessmentResponseService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(AssessmentResponseFields.COLLECTION, service, AssessmentResponseView::of,
                AssessmentResponseFields.SCHEMA, AssessmentResponseFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("assessment_responses/{id}")
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "Get an assessment response")
    public Uni<Data<AssessmentResponseView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("assessment_responses")
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "Find assessment responses (filters spec_id, user_id), paged by updated_at")
    public Uni<FindResponse<AssessmentResponseView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("assessment_responses/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "Find assessment responses, the parameters in the body (JSON or form)")
    public Uni<FindResponse<AssessmentResponseView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("assessment_responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "assessment_responses.write" })
    @Operation(summary = "Store the answers (model, any JSON object, returned exactly as sent) of an assessment a patient"
            + " (user_id) completed outside the platform")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @GET
    @Path("exports/assessment_responses")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "Every assessment response of the tenant as CSV, model as JSON text, streamed (optional"
            + " page[from], page[to], spec_id, user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, AssessmentResponseFields.COLUMNS, AssessmentResponseFields::row);
    }
}
