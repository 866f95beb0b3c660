package io.carehub.commons.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bad requests {@link BadInputContract} sends, generated from a service's OpenAPI document: for every operation,
 * bad path ids, bad query and {@code page[...]} values, bad bodies (each field of its schema given wrong JSON types,
 * {@code null}, values past its bounds, deep nesting, invalid UTF-8; required fields left out, unknown ones added;
 * bodies that are no JSON object, duplicate keys, over 1 MiB) and odd content types.
 */
final class BadInputCases {

    /**
     * One request. {@code mustFail}: it is bad whatever the data (a write, or a value no parameter takes); otherwise a
     * read that may also be answered 200 (a free-text filter given an odd but valid value).
     */
    record Case(String operation, String what, String method, String target, String contentType, byte[] body,
            boolean chunked, boolean mustFail) {
    }

    static final String JSON_TYPE = "application/json";
    static final String FORM_TYPE = "application/x-www-form-urlencoded";
    static final int DEEP = 10_000;
    /** Just past the body's nesting bound (64 levels). */
    static final int PAST_DEPTH = 70;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids no resource has: malformed, too long, NUL, a path climbing out, bad escapes and UTF-8. */
    static final List<String> BAD_IDS = List.of("not-a-uuid", "a".repeat(3_000), "a".repeat(5_000), "%00", "..%2F..%2Fetc%2Fpasswd",
            "..%2F", "%2e%2e", "%zz", "%", "%C3%28", "%FF%FE", "00000000-0000-0000-0000-00000000000g",
            "0D5DE756-CDDA-4CC0-9CAE-8A3C1E3B8D0B0", "%20", "null", "-1", "99999999999999999999999", "1e400",
            "0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b%00", "%7B%7D", "'%20OR%20'1'='1", java.util.UUID.randomUUID().toString());

    /** Values of a paging parameter no Find takes. */
    static final Map<String, List<String>> BAD_PAGING = Map.of(
            "page[size]", List.of("-1", "0", "1001", "100000", "abc", "", "1e400", "99999999999999999999999", "5.5",
                    "-0x10", "%00", "%zz", "%C3%28", "5%00", "a".repeat(10_001)),
            "page[after]", List.of("garbage", "bm90LWEtY3Vyc29y", "%00", "A".repeat(10_000), "..%2F..", "%zz", "%C3%28",
                    "MTo5MjIzMzcyMDM2ODU0Nzc1ODA3OjBkNWRlNzU2LWNkZGEtNGNjMC05Y2FlLThhM2MxZTNiOGQwYg", "", "%FF"),
            "page[from]", List.of("yesterday", "2019-13-01T00:00:00Z", "%2B300000-01-01T00:00:00Z", "-290000-01-01T00:00:00Z",
                    "1e400", "2019-02-30T00:00:00Z", "%00", "%zz", "99999999999999999999999", ""),
            "page[to]", List.of("tomorrow", "2019-01-01T25:00:00Z", "%2B10000-01-01T00:00:00Z", "%00", "%C3%28", ""));

    /** Parameters no Find has. */
    static final List<String> UNKNOWN_PARAMETERS = List.of("colour=blue", "no_such_filter=", "page%5Bnope%5D=1", "page=1",
            "page%5Bsize%5D%5Bx%5D=1", "page%5B%5D=1", "%00=1", "=1", "a%5Bb%5D=c", "PAGE%5BSIZE%5D=5", "%zz=1");

    private final JsonNode doc;
    private final Map<String, String> ids;
    private final Map<String, String> validBodies;
    private final List<Case> cases = new ArrayList<>();

    private BadInputCases(JsonNode doc, Map<String, String> ids, Map<String, String> validBodies) {
        this.doc = doc;
        this.ids = ids;
        this.validBodies = validBodies;
    }

    /** Every case for every {@code /v1} operation of {@code doc}; {@code ids}: an existing resource of each collection. */
    static List<Case> of(JsonNode doc, Map<String, String> ids, Map<String, String> validBodies) {
        BadInputCases generator = new BadInputCases(doc, ids, validBodies);
        doc.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/v1/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                        generator.operation(path.getKey(), op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue(),
                                path.getValue());
                    }
                });
            }
        });
        return generator.cases;
    }

    static String collectionOf(String path) {
        String[] segments = path.substring("/v1/".length()).split("/");
        return segments[0].equals("exports") && segments.length > 1 ? segments[1] : segments[0];
    }

    private void operation(String path, String method, JsonNode op, JsonNode item) {
        String name = method + " " + path;
        boolean templated = path.contains("{");
        String id = ids.get(collectionOf(path));
        String real = templated ? (id == null ? null : fill(path, id)) : path;
        byte[] emptyObject = "{}".getBytes(StandardCharsets.UTF_8);
        boolean hasBody = op.has("requestBody");

        if (templated) {
            for (String bad : BAD_IDS) {
                add(name, "id " + abbreviate(bad), method, fill(path, bad), hasBody ? JSON_TYPE : null,
                        hasBody ? emptyObject : null, true);
            }
        }
        if (real == null) {
            return;
        }
        if (method.equals("GET")) {
            queryCases(name, real, queryParameters(op, item), false);
        }
        if (method.equals("POST") && path.endsWith("/find")) {
            // Find by POST takes the parameters of the collection's GET Find.
            JsonNode findItem = doc.path("paths").path(path.substring(0, path.length() - "/find".length()));
            Map<String, JsonNode> params = queryParameters(findItem.path("get"), findItem);
            params.putAll(queryParameters(op, item));
            queryCases(name, real, params, true);
        }
        if (hasBody && !path.endsWith("/find")) {
            JsonNode schema = requestSchema(op);
            boolean create = method.equals("POST") && !templated;
            String base = create ? validBodies.getOrDefault(collectionOf(path), "{}") : "{}";
            if (path.equals("/v1/token")) {
                tokenCases(name, real);
            } else {
                bodyCases(name, method, real, schema, base, create);
                contentTypeCases(name, method, real, base, false);
            }
        }
    }

    private static String fill(String path, String id) {
        return path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(id));
    }

    private Map<String, JsonNode> queryParameters(JsonNode op, JsonNode item) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode param = resolve(p);
                if ("query".equals(param.path("in").asText())) {
                    params.put(param.path("name").asText(), resolve(param.path("schema")));
                }
            }
        }
        return params;
    }

    /**
     * Bad parameter values of a read: in the query of a GET, or ({@code find}) in the body of a Find by POST at
     * {@code target}, as a form and as JSON.
     */
    private void queryCases(String name, String target, Map<String, JsonNode> declared, boolean find) {
        Map<String, List<String>> definite = new LinkedHashMap<>();
        Map<String, List<String>> maybe = new LinkedHashMap<>();
        boolean paged = declared.keySet().stream().anyMatch(p -> p.startsWith("page["));
        if (paged) {
            definite.putAll(BAD_PAGING);
        }
        declared.forEach((param, schema) -> {
            if (param.startsWith("page[")) {
                return;
            }
            List<String> bad = new ArrayList<>(List.of("%00", "a%00b", "%zz", "%"));
            List<String> odd = new ArrayList<>(List.of("abc", "a".repeat(10_001), "%C3%28", "%FF", "", "1e400",
                    "99999999999999999999999"));
            String type = typeOf(schema);
            if (schema.has("enum")) {
                bad.addAll(List.of("no_such_value", "abc"));
            } else if ("boolean".equals(type)) {
                bad.addAll(List.of("maybe", "yes", "2", "TRUE%00"));
            } else if ("integer".equals(type) || "number".equals(type)) {
                bad.addAll(List.of("abc", "1e400", "99999999999999999999999", "-1"));
            } else if ("uuid".equals(schema.path("format").asText()) || param.endsWith("_id") && !param.equals("external_id")
                    && !param.equals("job_id") && !param.equals("client_id") && !param.equals("spec_id")) {
                bad.addAll(List.of("not-a-uuid", "123", "0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0", "a".repeat(10_001)));
            } else if ("date-time".equals(schema.path("format").asText())) {
                bad.addAll(List.of("yesterday", "2019-02-30T00:00:00Z", "%2B300000-01-01T00:00:00Z"));
            }
            definite.put(param, bad);
            maybe.put(param, odd);
        });
        for (var e : definite.entrySet()) {
            for (String value : e.getValue()) {
                parameter(name, target, find, e.getKey(), value, true);
            }
        }
        for (var e : maybe.entrySet()) {
            for (String value : e.getValue()) {
                parameter(name, target, find, e.getKey(), value, false);
            }
        }
        for (String unknown : UNKNOWN_PARAMETERS) {
            if (find) {
                add(name, "find form " + unknown, "POST", target, FORM_TYPE, unknown.getBytes(StandardCharsets.ISO_8859_1), true);
            } else {
                // A Get by id may ignore what it does not read; a Find may not.
                add(name, "query " + unknown, "GET", target + "?" + unknown, null, null, paged);
            }
        }
        // Repeated parameters: whichever is taken, the answer is a page or a 400.
        for (String param : declared.keySet()) {
            String enc = encodeName(param);
            String twice = enc + "=1&" + enc + "=2";
            if (find) {
                add(name, "find form repeated " + param, "POST", target, FORM_TYPE, bytes(twice), false);
            } else {
                add(name, "query repeated " + param, "GET", target + "?" + twice, null, null, false);
            }
        }
        if (!find) {
            add(name, "a query of only separators", "GET", target + "?&&&=&", null, null, false);
        } else {
            findBodyCases(name, target, declared);
        }
    }

    private void parameter(String name, String target, boolean find, String param, String raw, boolean mustFail) {
        if (!find) {
            add(name, "query " + param + "=" + abbreviate(raw), "GET", target + "?" + encodeName(param) + "=" + raw, null,
                    null, mustFail);
            return;
        }
        add(name, "find form " + param + "=" + abbreviate(raw), "POST", target, FORM_TYPE,
                (encodeName(param) + "=" + raw).getBytes(StandardCharsets.ISO_8859_1), mustFail);
        String decoded = decodeLoosely(raw);
        if (decoded != null) {
            ObjectNode body = JSON.createObjectNode().put(param, decoded);
            add(name, "find json " + param + "=" + abbreviate(raw), "POST", target, JSON_TYPE, bytes(body.toString()), mustFail);
        }
    }

    /** Find by POST: wrong JSON types for each parameter, unknown ones, and bodies that are no JSON object. */
    private void findBodyCases(String name, String findPath, Map<String, JsonNode> declared) {
        Set<String> params = new LinkedHashSet<>(declared.keySet());
        params.addAll(List.of("page[size]", "page[from]", "page[to]", "page[after]"));
        for (String param : params) {
            String type = param.equals("page[size]") ? "integer" : typeOf(declared.get(param));
            List<String> values = new ArrayList<>(List.of("[]", "{}", "[1]", "{\"a\": 1}", nested('[', DEEP), nested('{', DEEP)));
            if (!type.equals("boolean")) {
                values.add("true");
            }
            if (type.equals("integer")) {
                values.addAll(List.of("1e400", "-99999999999999999999999", "1.5", "-1", "0", "1001"));
            }
            for (String value : values) {
                add(name, "find json " + param + ": " + abbreviate(value), "POST", findPath, JSON_TYPE,
                        bytes("{\"" + param + "\": " + value + "}"), true);
            }
        }
        add(name, "find json unknown parameter", "POST", findPath, JSON_TYPE, bytes("{\"colour\": \"blue\"}"), true);
        add(name, "find json duplicate key", "POST", findPath, JSON_TYPE,
                bytes("{\"page[size]\": 5, \"page[size]\": 6}"), true);
        notObjectCases(name, "POST", findPath, "{}", true);
        contentTypeCases(name, "POST", findPath, "{\"page[size]\": 5}", true);
    }

    /** Bodies of a write: per field of the schema, then whole bodies that are no (acceptable) JSON object. */
    private void bodyCases(String name, String method, String target, JsonNode schema, String base, boolean create) {
        ObjectNode baseNode = (ObjectNode) parse(base);
        JsonNode properties = schema.path("properties");
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> requiredOnCreate = new LinkedHashSet<>(required);
        if (!create) {
            // An Update may not clear what Create requires.
            JsonNode createSchema = resolve(doc.path("components").path("schemas").path(collectionOf(target) + ".create"));
            createSchema.path("required").forEach(r -> requiredOnCreate.add(r.asText()));
        }
        properties.fields().forEachRemaining(p -> {
            String field = p.getKey();
            JsonNode fieldSchema = resolve(p.getValue());
            for (Map.Entry<String, String> value : badValues(fieldSchema, requiredOnCreate.contains(field), 2).entrySet()) {
                add(name, "." + field + " " + value.getKey(), method, target, JSON_TYPE,
                        bytes(withRaw(baseNode, field, value.getValue())), true);
            }
            for (byte[] invalid : INVALID_UTF8) {
                add(name, "." + field + " invalid UTF-8 " + hex(invalid), method, target, JSON_TYPE,
                        withBytes(baseNode, field, invalid), true);
            }
        });
        if (create) {
            for (String field : required) {
                ObjectNode without = baseNode.deepCopy();
                without.remove(field);
                add(name, "without ." + field, method, target, JSON_TYPE, bytes(without.toString()), true);
            }
        }
        List<String> unknown = new ArrayList<>(List.of("no_such_field", "", "__proto__", "constructor", "id", "created_at",
                "updated_at", "tenant", "a\u0000b", "\ud800"));
        properties.fieldNames().forEachRemaining(f -> unknown.add(f.toUpperCase(java.util.Locale.ROOT)));
        for (String field : unknown) {
            if (properties.has(field)) {
                continue; // a field of this body after all (api_clients takes a tenant)
            }
            ObjectNode extra = baseNode.deepCopy();
            extra.put(field, "x");
            add(name, "unknown field " + abbreviate(field), method, target, JSON_TYPE, bytes(extra.toString()), true);
        }
        if (baseNode.size() > 0) {
            String first = baseNode.fieldNames().next();
            String text = baseNode.toString();
            add(name, "duplicate key ." + first, method, target, JSON_TYPE,
                    bytes("{\"" + first + "\": " + baseNode.get(first) + ", " + text.substring(1)), true);
        }
        notObjectCases(name, method, target, base, false);
    }

    /** Whole bodies that are no acceptable JSON object ({@code emptyAllowed}: a Find, which may take no body at all). */
    private void notObjectCases(String name, String method, String target, String base, boolean emptyAllowed) {
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "[" + base + "]", "42", "\"s\"", "true", "{",
                "}", "{\"a\"}", "{\"a\": }", "{'a': 1}", "{a: 1}", "{\"a\": 1,}", base + "x", base + base, "1e400",
                "99999999999999999999999", "{\"a\": 1, \"a\": 2}", "\ufeff" + base + "\u0000", "{\"a\": NaN}",
                "{\"a\": Infinity}", "{\"a\": 0x10}", "{\"a\": 01}", "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}",
                "{\"a\": \"line\nbreak\"}", "/* c */ " + base, "{\"a\": 1} // c", nested('[', DEEP), nested('{', DEEP),
                nested('[', PAST_DEPTH), nested('{', PAST_DEPTH), "[".repeat(DEEP), "{\"a\":".repeat(DEEP)));
        for (String body : bodies) {
            add(name, "body " + abbreviate(body), method, target, JSON_TYPE, bytes(body), !(emptyAllowed && body.isBlank()));
        }
        for (byte[] invalid : INVALID_UTF8) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(bytes("{\""));
            out.writeBytes(invalid);
            out.writeBytes(bytes("\": 1}"));
            add(name, "invalid UTF-8 in a key " + hex(invalid), method, target, JSON_TYPE, out.toByteArray(), true);
            add(name, "invalid UTF-8 as the body " + hex(invalid), method, target, JSON_TYPE, invalid, true);
        }
        String huge = base.substring(0, base.length() - 1) + (base.equals("{}") ? "" : ", ") + "\"padding\": \""
                + "x".repeat(1024 * 1024 + 16) + "\"}";
        add(name, "body over 1 MiB", method, target, JSON_TYPE, bytes(huge), true);
        add(name, "body over 1 MiB, chunked", method, target, JSON_TYPE, bytes(huge), true, true);
        String hugeOverHttpLimit = "{\"padding\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        add(name, "body over 3 MiB, chunked", method, target, JSON_TYPE, bytes(hugeOverHttpLimit), true, true);
        add(name, "body over 3 MiB", method, target, JSON_TYPE, bytes(hugeOverHttpLimit), true);
    }

    /** A valid body sent as what it is not, or as nothing said. */
    private void contentTypeCases(String name, String method, String target, String base, boolean formAllowed) {
        List<String> types = new ArrayList<>(List.of("text/plain", "application/xml", "text/xml", "text/html", "text/csv",
                "application/octet-stream", "multipart/form-data; boundary=x", "application/json-patch+json",
                "application/merge-patch+json", "image/png", "application/", "json", ";;;", "application/json;;",
                "application/json; charset=latin1", "application/json; charset=utf-16", "application/json; charset=nonsense",
                "application/json; charset=\"", "*/*", "application/*", "%00"));
        if (!formAllowed) {
            types.add(FORM_TYPE);
        }
        for (String type : types) {
            add(name, "content type " + type, method, target, type, bytes(base), !formAllowed || !type.startsWith("application/json;"));
        }
        add(name, "no content type", method, target, null, bytes(base), !formAllowed);
        add(name, "no content type, invalid UTF-8", method, target, null, INVALID_UTF8.get(0), true);
        add(name, "content type latin1 with a latin1 byte", method, target, "application/json; charset=latin1",
                latin1(base), true);
    }

    /** The token endpoint (API.md §1) answers bad requests in OAuth's shape; the contract checks it is never a 5xx. */
    private void tokenCases(String name, String target) {
        List<String> forms = new ArrayList<>(List.of("", "grant_type=", "grant_type=password", "grant_type=%zz",
                "grant_type=%00", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a.b.c",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=%00",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + "a".repeat(100_000),
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=e30.e30.&scope=%00",
                "grant_type=a&grant_type=b", "=&=&", "%", "a=%C3%28", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type"
                        + "%3Ajwt-bearer&assertion=eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0."));
        for (String form : forms) {
            add(name, "token form " + abbreviate(form), "POST", target, FORM_TYPE, form.getBytes(StandardCharsets.ISO_8859_1),
                    true);
        }
        notObjectCases(name, "POST", target, "{}", false);
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1")) {
            add(name, "token content type " + type, "POST", target, type, bytes("grant_type=x"), true);
        }
        add(name, "token no content type", "POST", target, null, bytes("grant_type=x"), true);
    }

    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
            new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
            new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
            new byte[] { (byte) 0xE2, (byte) 0x82 });

    /**
     * Raw JSON values a field of {@code schema} never takes, by what they are. {@code depth} bounds the recursion into
     * nested objects and list items.
     */
    private Map<String, String> badValues(JsonNode schema, boolean requiredOnCreate, int depth) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> types = typesOf(schema);
        if (!types.isEmpty()) {
            Map<String, String> samples = new LinkedHashMap<>();
            samples.put("string", "\"x\"");
            samples.put("integer", "1");
            samples.put("number", "1.5");
            samples.put("boolean", "true");
            samples.put("array", "[]");
            samples.put("object", "{}");
            samples.forEach((type, sample) -> {
                boolean allowed = types.contains(type) || type.equals("integer") && types.contains("number");
                if (!allowed) {
                    values.put("as " + type, sample);
                }
            });
            if (!types.contains("string")) {
                values.put("as a string of digits", "\"1\"");
            }
            if (!types.contains("number") && !types.contains("integer")) {
                values.put("as 1e400", "1e400");
                values.put("as 99999999999999999999999", "99999999999999999999999");
                values.put("as -0", "-0");
            } else {
                values.put("1e400", "1e400");
                values.put("-1e400", "-1e400");
                values.put("99999999999999999999999", "99999999999999999999999");
            }
        }
        if (requiredOnCreate) {
            values.put("null", "null");
        }
        if (types.contains("string")) {
            int max = schema.path("maxLength").asInt(10_000);
            values.put("of " + (max + 1) + " characters", JSON.valueToTree("a".repeat(max + 1)).toString());
            values.put("holding NUL", "\"a\\u0000b\"");
            values.put("holding an unpaired surrogate", "\"a\\ud800b\"");
            values.put("holding a lone low surrogate", "\"\\udc00\"");
            if (schema.path("minLength").asInt(0) > 0) {
                values.put("empty", "\"\"");
            }
            if (schema.has("enum")) {
                values.put("not one of its values", "\"no_such_value\"");
                values.put("of another case", JSON.valueToTree(schema.get("enum").get(0).asText()
                        .toUpperCase(java.util.Locale.ROOT) + "X").toString());
                values.put("with a space", JSON.valueToTree(" " + schema.get("enum").get(0).asText()).toString());
            }
            String format = schema.path("format").asText();
            if (!format.isEmpty() && !format.equals("email")) {
                for (String bad : List.of("not-a-" + format, "2019-02-30", "2019-02-30T00:00:00Z", "+300000-01-01",
                        "+300000-01-01T00:00:00Z", "-5000-01-01", "0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0", " ")) {
                    values.put("not a " + format + " (" + bad + ")", JSON.valueToTree(bad).toString());
                }
            }
        }
        if (types.contains("array")) {
            JsonNode items = resolve(schema.path("items"));
            int maxItems = schema.path("maxItems").asInt(100);
            values.put("of " + (maxItems + 1) + " items", "[" + String.join(",",
                    java.util.Collections.nCopies(maxItems + 1, sampleOf(items))) + "]");
            if (depth > 0) {
                badValues(items, false, depth - 1).forEach((what, v) -> values.put("item " + what, "[" + v + "]"));
            }
        }
        if (types.contains("object") && depth > 0) {
            schema.path("properties").fields().forEachRemaining(p -> badValues(resolve(p.getValue()), false, depth - 1)
                    .forEach((what, v) -> values.put("." + p.getKey() + " " + what, "{\"" + p.getKey() + "\": " + v + "}")));
            if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                values.put("with an unknown field", "{\"no_such_field\": 1}");
            }
        }
        values.put("nested " + DEEP + " arrays deep", nested('[', DEEP));
        values.put("nested " + DEEP + " objects deep", nested('{', DEEP));
        values.put("nested " + PAST_DEPTH + " objects deep", nested('{', PAST_DEPTH));
        return values;
    }

    private static String sampleOf(JsonNode schema) {
        Set<String> types = typesOf(schema);
        if (types.contains("object")) {
            return "{}";
        }
        if (types.contains("string")) {
            return "\"x\"";
        }
        return "1";
    }

    JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private JsonNode requestSchema(JsonNode op) {
        JsonNode content = resolve(op.path("requestBody")).path("content");
        JsonNode media = content.has(JSON_TYPE) ? content.get(JSON_TYPE) : content.elements().hasNext() ? content.elements().next()
                : JSON.createObjectNode();
        return resolve(media.path("schema"));
    }

    private static Set<String> typesOf(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema == null) {
            return types;
        }
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static String typeOf(JsonNode schema) {
        Set<String> types = typesOf(schema);
        types.remove("null");
        return types.isEmpty() ? "" : types.iterator().next();
    }

    private void add(String operation, String what, String method, String target, String contentType, byte[] body,
            boolean mustFail) {
        add(operation, what, method, target, contentType, body, mustFail, false);
    }

    private void add(String operation, String what, String method, String target, String contentType, byte[] body,
            boolean mustFail, boolean chunked) {
        cases.add(new Case(operation, what, method, target, contentType, body, chunked, mustFail));
    }

    static String nested(char open, int depth) {
        if (open == '[') {
            return "[".repeat(depth) + "]".repeat(depth);
        }
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String withRaw(ObjectNode base, String field, String rawValue) {
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        String rest = copy.toString();
        return "{\"" + field + "\": " + rawValue + (copy.size() == 0 ? "}" : ", " + rest.substring(1));
    }

    private static byte[] withBytes(ObjectNode base, String field, byte[] invalid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] around = withRaw(base, field, "\"a\u0001b\"").split("\u0001", 2);
        out.writeBytes(bytes(around[0]));
        out.writeBytes(invalid);
        out.writeBytes(bytes(around[1]));
        return out.toByteArray();
    }

    private static byte[] latin1(String base) {
        ObjectNode node = (ObjectNode) parse(base);
        Iterator<String> names = node.fieldNames();
        String field = names.hasNext() ? names.next() : "a";
        return withBytes(node, field, new byte[] { (byte) 0xE9 });
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String encodeName(String param) {
        return URLEncoder.encode(param, StandardCharsets.UTF_8);
    }

    /** A raw query value as the string a JSON Find body would hold, or null for escapes that decode to nothing. */
    private static String decodeLoosely(String raw) {
        try {
            String decoded = java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return decoded.contains("\ufffd") ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }

    static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
        return shown.replace("\u0000", "\\u0000").replace("\n", "\\n");
    }
}
