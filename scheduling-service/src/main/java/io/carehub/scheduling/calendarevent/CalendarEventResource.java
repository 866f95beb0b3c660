package io.carehub.scheduling.calendarevent;

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
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Calendar events (API.md §4): Get, Find (filters {@code calendar_id}, {@code user_id}), Create and Update of the
 * appointments on a worker's calendar ({@code calendar_id}) with a patient ({@code user_id}).
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar_events")
public class CalendarEventResource {

    private final CollectionEndpoints<CalendarEvent, CalendarEventView> endpoints;

    public CalendarEventResource(CalendarEventService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(CalendarEventFields.COLLECTION, service, CalendarEventView::of,
                CalendarEventFields.SCHEMA, CalendarEventFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("calendar_events/{id}")
    @RolesAllowed({ Scopes.ALL, "calendar_events.read" })
    @Operation(summary = "Get a calendar event")
    public Uni<Data<CalendarEventView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("calendar_events")
    @RolesAllowed({ Scopes.ALL, "calendar_events.read" })
    @Operation(summary = "Find calendar events (filters calendar_id, user_id), paged by updated_at")
    public Uni<FindResponse<CalendarEventView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("calendar_events/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "calendar_events.read" })
    @Operation(summary = "Find calendar events, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CalendarEventView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("calendar_events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "calendar_events.write" })
    @Operation(summary = "Create a calendar event: timed (start_time and end_time) or all-day (day), never both;"
            + " is_all_day is derived, not accepted")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("calendar_events/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "calendar_events.write" })
    @Operation(summary = "Update a calendar event; fields left out keep their value, user_id cannot change;"
            + " giving one form's fields clears the other's")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/calendar_events")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "calendar_events.read" })
    @Operation(summary = "Every calendar event of the tenant as CSV, streamed (optional page[from], page[to],"
            + " calendar_id, user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, CalendarEventFields.COLUMNS, CalendarEventFields::row);
    }
}
