package io.carehub.patients.phone;

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

@Path("/v1/exports/phone_numbers")
@Tag(name = "exports")
public class PhoneNumberExportResource {

    static final int BATCH = 500;

    private final PhoneNumberService service;
    private final Caller caller;

    public PhoneNumberExportResource(PhoneNumberService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Every phone number of the tenant as CSV, streamed (optional page[from], page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), PhoneNumberFields.FILTERS, false);
        String tenant = caller.tenant();
        return CsvExport.stream(PhoneNumberFields.COLUMNS, BATCH,
                after -> service.batch(tenant, find.continuing(after, BATCH)),
                PhoneNumber::cursor, PhoneNumberFields::row);
    }
}
