package io.carehub.scheduling.calendar;

import java.util.Arrays;
import java.util.List;

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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Calendars (API.md §4): Get and Find (filter {@code worker_id}, also accepted as {@code worker}); one per worker. */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendars")
public class CalendarResource {

    static final String COLLECTION = "calendars";
    static final List<Filter> FILTERS = List.of(Filter.of("worker_id", Types.GUID_TYPE, "workerId").alias("worker"));
    static final List<String> COLUMNS = List.of("id", "worker_id", "created_at", "updated_at");

    private final CollectionEndpoints<Calendar, CalendarView> endpoints;

    public CalendarResource(CalendarService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(COLLECTION, service, CalendarView::of, null, FILTERS, false, caller, urls);
    }

    @GET
    @Path("calendars/{id}")
    @RolesAllowed({ Scopes.ALL, "calendars.read" })
    @Operation(summary = "Get a calendar")
    public Uni<Data<CalendarView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("calendars")
    @RolesAllowed({ Scopes.ALL, "calendars.read" })
    @Operation(summary = "Find calendars (filter worker_id), paged by updated_at")
    public Uni<FindResponse<CalendarView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("calendars/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "calendars.read" })
    @Operation(summary = "Find calendars, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CalendarView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @GET
    @Path("exports/calendars")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "calendars.read" })
    @Operation(summary = "Every calendar of the tenant as CSV, streamed (optional page[from], page[to])")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, COLUMNS, c -> Arrays.asList(c.id, c.workerId, c.createdAt, c.updatedAt));
    }
}
