package io.carehub.patients.customdata;

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

@Path("/v1/exports/custom_data_type_records")
@Tag(name = "exports")
public class CustomDataTypeRecordExportResource {

    static final int BATCH = 500;

    private final CustomDataTypeRecordService service;
    private final Caller caller;

    public CustomDataTypeRecordExportResource(CustomDataTypeRecordService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Every custom data type record of the tenant as CSV, body as JSON text, streamed (optional"
            + " page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), CustomDataTypeRecordFields.FILTERS,
                false);
        String tenant = caller.tenant();
        return CsvExport.stream(CustomDataTypeRecordFields.COLUMNS, BATCH,
                after -> service.batch(tenant, find.continuing(after, BATCH)),
                CustomDataTypeRecord::cursor, CustomDataTypeRecordFields::row);
    }
}
