package io.carehub.commons.openapi;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.carehub.commons.validation.Schema.Mode;

/**
 * Completes each service's OpenAPI document with what the annotations cannot say (registered as
 * {@code mp.openapi.filter}, run when the document is built):
 * <ul>
 * <li>the request body of every Create ({@code POST /v1/<c>}) and Update ({@code PUT /v1/<c>/{id}}), from the
 * collection's validation {@code Schema} itself, so the document and the checks cannot drift apart. The
 * classes holding them are listed in {@code carehub.openapi.request-schemas}; each has static fields
 * {@code COLLECTION} (its name) and {@code SCHEMA} (or {@code CREATE} and {@code UPDATE} where they differ);</li>
 * <li>the {@code errors} body (API.md §2) of the failures every {@code /v1} endpoint may answer with;</li>
 * <li>what every export ({@code GET /v1/exports/<c>}) does with formula-like cells, and its
 * {@code csv_escape_formulas} parameter.</li>
 * </ul>
 */
public class ContractOpenApiFilter implements OASFilter {

    static final String ERRORS = "Errors";
    /**
     * An operation that may answer {@code 409 locked} (API-CORE.md §C8) says when, in this extension
     * ({@code @Extension(name = LOCKED_WHEN, value = "...")}); the document shows it as that response.
     */
    public static final String LOCKED_WHEN = "x-locked-when";
    static final String REQUEST_SCHEMAS = "carehub.openapi.request-schemas";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ERRORS, errorsSchema());
        Map<String, Bodies> bodies = requestSchemas();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            bodies.forEach((collection, schema) -> openAPI.getComponents().addSchema(collection + ".create",
                    schema.create().openApi(Mode.CREATE)));
            return;
        }
        bodies.forEach((collection, schema) -> {
            openAPI.getComponents().addSchema(collection + ".create", schema.create().openApi(Mode.CREATE));
            // An Update schema only where the collection has Update: a create-only one publishes none.
            var item = openAPI.getPaths().getPathItem("/v1/" + collection + "/{id}");
            if (item != null && item.getPUT() != null) {
                openAPI.getComponents().addSchema(collection + ".update", schema.update().openApi(Mode.UPDATE));
            }
            if (schema.hasCoreFace()) {
                openAPI.getComponents().addSchema(collection + ".core.create", schema.coreCreate().openApi(Mode.CREATE));
                openAPI.getComponents().addSchema(collection + ".core.patch", schema.corePatch().openApi(Mode.UPDATE));
            }
        });
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/v1/") || io.carehub.commons.web.RequestBodies.isTokenEndpoint(path)) {
                return;
            }
            String[] segments = path.substring("/v1/".length()).split("/");
            if (segments[0].equals("{tenant}") && segments.length > 1) {
                // The core face (API-CORE.md §C4): /v1/{tenant}/<core path>, camelCase bodies.
                String under = path.substring("/v1/{tenant}/".length());
                bodies.forEach((collection, schema) -> {
                    if (!schema.hasCoreFace()) {
                        return;
                    }
                    if (under.equals(schema.corePath()) && item.getPOST() != null) {
                        item.getPOST().setRequestBody(body(collection + ".core.create"));
                    }
                    if (under.matches(java.util.regex.Pattern.quote(schema.corePath()) + "/\\{[^/]+}")
                            && item.getPATCH() != null) {
                        item.getPATCH().setRequestBody(body(collection + ".core.patch", "application/merge-patch+json"));
                    }
                });
                item.getOperations().forEach((method, operation) -> addErrors(method, operation, path));
                return;
            }
            String collection = segments[0];
            if (segments.length == 1 && item.getPOST() != null && bodies.containsKey(collection)) {
                item.getPOST().setRequestBody(body(collection + ".create"));
            }
            if (segments.length == 2 && segments[1].startsWith("{") && item.getPUT() != null && bodies.containsKey(collection)) {
                item.getPUT().setRequestBody(body(collection + ".update"));
            }
            if (segments.length == 2 && collection.equals("exports") && item.getGET() != null) {
                describeExport(item.getGET());
            }
            item.getOperations().forEach((method, operation) -> addErrors(method, operation, path));
        });
    }

    /**
     * A collection's request bodies: its Create and Update schemas and, for one with a core face, the same in camelCase
     * (its holder's {@code CORE_NAMES}: v1 name → camelCase name), else null.
     */
    private record Bodies(io.carehub.commons.validation.Schema create, io.carehub.commons.validation.Schema update,
            io.carehub.commons.validation.Schema coreCreate, io.carehub.commons.validation.Schema corePatch, String corePath) {

        boolean hasCoreFace() {
            return coreCreate != null;
        }
    }

    /** By collection: its bodies, read from the classes {@code carehub.openapi.request-schemas} names. */
    @SuppressWarnings("unchecked")
    private static Map<String, Bodies> requestSchemas() {
        Map<String, Bodies> schemas = new LinkedHashMap<>();
        List<String> classes = ConfigProvider.getConfig().getOptionalValues(REQUEST_SCHEMAS, String.class).orElse(List.of());
        for (String className : classes) {
            try {
                Class<?> holder = Class.forName(className.strip(), true, Thread.currentThread().getContextClassLoader());
                io.carehub.commons.validation.Schema create = schema(holder, hasField(holder, "SCHEMA") ? "SCHEMA" : "CREATE");
                io.carehub.commons.validation.Schema update = schema(holder, hasField(holder, "SCHEMA") ? "SCHEMA" : "UPDATE");
                Map<String, String> core = hasField(holder, "CORE_NAMES")
                        ? (Map<String, String>) staticField(holder, "CORE_NAMES") : null;
                // The core face's own body where it has one (CORE_SCHEMA), else the v1 one in camelCase; at
                // /v1/{tenant}/<CORE_PATH>, by default the collection's name.
                io.carehub.commons.validation.Schema coreSchema = hasField(holder, "CORE_SCHEMA")
                        ? schema(holder, "CORE_SCHEMA") : null;
                String collection = (String) staticField(holder, "COLLECTION");
                String corePath = hasField(holder, "CORE_PATH") ? (String) staticField(holder, "CORE_PATH") : collection;
                schemas.put(collection, new Bodies(create, update,
                        core == null ? null : coreSchema != null ? coreSchema : create.renamed(core),
                        core == null ? null : coreSchema != null ? coreSchema : update.renamed(core), corePath));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(REQUEST_SCHEMAS + ": " + className
                        + " needs static COLLECTION and SCHEMA (or CREATE and UPDATE), and CORE_NAMES a map, CORE_SCHEMA a schema and"
                        + " CORE_PATH a string if it has them", e);
            }
        }
        return schemas;
    }

    private static boolean hasField(Class<?> holder, String name) {
        return java.util.Arrays.stream(holder.getDeclaredFields()).anyMatch(f -> f.getName().equals(name));
    }

    private static io.carehub.commons.validation.Schema schema(Class<?> holder, String name) throws ReflectiveOperationException {
        return (io.carehub.commons.validation.Schema) staticField(holder, name);
    }

    private static Object staticField(Class<?> holder, String name) throws ReflectiveOperationException {
        Field field = holder.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(String component, String... mediaTypes) {
        var content = OASFactory.createContent();
        for (String type : java.util.stream.Stream.concat(java.util.stream.Stream.of(mediaTypes),
                java.util.stream.Stream.of("application/json")).toList()) {
            content.addMediaType(type, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + component)));
        }
        return OASFactory.createRequestBody().required(true).content(content);
    }

    static final String EXPORT_FORMULAS = "A cell that starts with =, +, -, @, tab or carriage return (a negative number"
            + " too) is written with a ' before it, so that a spreadsheet shows it as text instead of running it as a"
            + " formula (OWASP: CSV injection); csv_escape_formulas=false writes every cell as it is, for machine"
            + " consumers. An export that fails midway ends with the connection reset, never as a complete-looking CSV.";

    private static void describeExport(Operation export) {
        export.setDescription(export.getDescription() == null ? EXPORT_FORMULAS : export.getDescription() + "\n\n" + EXPORT_FORMULAS);
        boolean declared = export.getParameters() != null
                && export.getParameters().stream().anyMatch(p -> "csv_escape_formulas".equals(p.getName()));
        if (!declared) {
            export.addParameter(OASFactory.createParameter().name("csv_escape_formulas")
                    .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY).required(false)
                    .description("false: write cells that look like formulas as they are (default true: prefix them with ')")
                    .schema(OASFactory.createSchema().type(List.of(SchemaType.BOOLEAN)).defaultValue(true)));
        }
    }

    private static void addErrors(PathItem.HttpMethod method, Operation operation, String path) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean hasBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        error(operation, "400", "bad input: parse_exception, bad_request or uniqueness_exception, each error naming its field");
        error(operation, "401", "unauthorized: no, malformed, expired or wrongly signed access token");
        error(operation, "403", "forbidden: the access token lacks the scope");
        error(operation, "404", path.contains("{") ? "not_found: no such resource in the caller's tenant"
                : "not_found, or resource_not_found for a referenced id");
        if (hasBody) {
            error(operation, "413", "payload_too_large: a body over 1 MiB");
            error(operation, "415", "unsupported_media_type: the body is not JSON");
        }
        Object when = operation.getExtensions() == null ? null : operation.getExtensions().get(LOCKED_WHEN);
        if (when != null) {
            error(operation, "409", "locked: " + when);
            operation.removeExtension(LOCKED_WHEN);
        }
        error(operation, "429", "too_many_requests: past the client's rate limit; Retry-After says when to try again");
        error(operation, "500", "internal_server_error: a fault of ours; the body says nothing more");
    }

    /** Adds the response, or its errors body where one is already there without content (Quarkus's 401/403). */
    private static void error(Operation operation, String status, String description) {
        var content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + ERRORS)));
        var existing = operation.getResponses().getAPIResponse(status);
        if (existing == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(content);
        }
    }

    private static Schema errorsSchema() {
        Schema error = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).example(400))
                .addProperty("code", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .enumeration(List.of("parse_exception", "bad_request", "uniqueness_exception", "unauthorized",
                                "forbidden", "not_found", "resource_not_found", "method_not_allowed", "not_acceptable", "locked",
                                "payload_too_large", "unsupported_media_type", "too_many_requests",
                                "internal_server_error", "service_unavailable")))
                .addProperty("title", OASFactory.createSchema().type(List.of(SchemaType.STRING)).example("Bad Request"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .example("birthday must be an ISO date, e.g. 1906-12-09"))
                .addProperty("extra", OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                        .description("path: the field in error, e.g. .birthday or .phone_numbers[1].phone_number"));
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).required(List.of("errors"))
                .description("The body of every failure (API.md §2): every error found, each naming its field by path.")
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(error));
    }
}
