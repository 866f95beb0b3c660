package io.carehub.patients.email;

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

@Path("/v1/exports/email_addresses")
@Tag(name = "exports")
public class EmailAddressExportResource {

    static final int BATCH = 500;

    private final EmailAddressService service;
    private final Caller caller;

    public EmailAddressExportResource(EmailAddressService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Every email address of the tenant as CSV, streamed (optional page[from], page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), EmailAddressFields.FILTERS, false);
        String tenant = caller.tenant();
        return CsvExport.stream(EmailAddressFields.COLUMNS, BATCH,
                after -> service.batch(tenant, find.continuing(after, BATCH)),
                EmailAddress::cursor, EmailAddressFields::row);
    }
}
