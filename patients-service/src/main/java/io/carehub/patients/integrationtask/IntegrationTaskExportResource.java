package io.carehub.patients.integrationtask;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.smallrye.mutiny.Multi;

@Path("/v1/exports/integration_tasks")
@Tag(name = "exports")
public class IntegrationTaskExportResource {

    static final int BATCH = 500;

    private final IntegrationTaskService service;
    private final Caller caller;

    public IntegrationTaskExportResource(IntegrationTaskService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Every integration task of the tenant as CSV, lists as JSON text, streamed (optional"
            + " page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), IntegrationTaskFields.FILTERS,
                false);
        String tenant = caller.tenant();
        return CsvExport.stream(IntegrationTaskFields.COLUMNS, BATCH,
                after -> service.batch(tenant, find.continuing(after, BATCH)),
                IntegrationTask::cursor, IntegrationTaskFields::row);
    }
}
