package io.carehub.patients.externalid;

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

@Path("/v1/exports/external_ids")
@Tag(name = "exports")
public class ExternalIdExportResource {

    static final int BATCH = 500;

    private final ExternalIdService service;
    private final Caller caller;

    public ExternalIdExportResource(ExternalIdService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Every external id of the tenant as CSV, streamed (optional page[from], page[to] and the"
            + " Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), ExternalIdFields.FILTERS, false);
        String tenant = caller.tenant();
        return CsvExport.stream(ExternalIdFields.COLUMNS, BATCH,
                after -> service.batch(tenant, find.continuing(after, BATCH)),
                ExternalId::cursor, ExternalIdFields::row);
    }
}
