package io.carehub.notifier.subscription;

import java.util.Base64;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a webhook_subscriptions request may hold, and how it is applied to a subscription. */
final class WebhookSubscriptionFields {

    static final String COLLECTION = "webhook_subscriptions";
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_SECRET_LENGTH = 1024;

    /** An http(s) URL with a host; where it resolves is checked by {@link UrlSafety} (it needs DNS). */
    static final FieldType URL = (path, name, v, out) -> {
        Object s = Types.STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        String url = ((String) s).strip();
        String problem = url.length() > MAX_URL_LENGTH ? "must be at most " + MAX_URL_LENGTH + " characters"
                : UrlSafety.syntaxProblem(url);
        if (problem != null) {
            out.bad(path, name + " " + problem);
            return null;
        }
        return url;
    };

    static final FieldType COLLECTION_NAME = (path, name, v, out) -> {
        Object s = Types.STRING.read(path, name, v, out);
        if (s != null && !Collections.exists((String) s)) {
            out.bad(path, name + " must name a collection, one of " + String.join(", ", Collections.ALL));
            return null;
        }
        return s;
    };

    /** A list of collection names (a repeated one counts once); null (not empty) means every collection. */
    static final FieldType RESOURCES = Types.distinctListOf(COLLECTION_NAME,
            "must name at least one collection, or be null for every collection");

    /** Any non-empty secret the subscriber chose; a {@code whsec_} one must be base64 after the prefix. */
    static final FieldType SECRET = (path, name, v, out) -> {
        Object s = Types.NON_EMPTY_STRING.read(path, name, v, out);
        if (s == null) {
            return null;
        }
        String secret = (String) s;
        if (secret.length() > MAX_SECRET_LENGTH) {
            out.bad(path, name + " must be at most " + MAX_SECRET_LENGTH + " characters");
            return null;
        }
        if (secret.startsWith("whsec_")) {
            try {
                if (Base64.getDecoder().decode(secret.substring(6)).length == 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                out.bad(path, name + " starting with whsec_ must continue with base64");
                return null;
            }
        }
        return secret;
    };

    static final Schema CREATE = Schema.of(
            Field.of("url", URL).required(),
            Field.of("resources", RESOURCES),
            Field.of("active", Types.BOOLEAN),
            Field.of("client_id", Types.NON_EMPTY_STRING),
            Field.of("secret", SECRET),
            Field.of("token_endpoint_url", URL));

    /** The delivery state is the notifier's: an Update naming it is refused. */
    static final Schema UPDATE = Schema.of(
            Field.of("url", URL).required(),
            Field.of("resources", RESOURCES),
            Field.of("active", Types.BOOLEAN).required(),
            Field.of("client_id", Types.NON_EMPTY_STRING).required(),
            Field.of("secret", SECRET).required(),
            Field.of("token_endpoint_url", URL),
            Field.of("id", Types.STRING).createOnly(),
            Field.of("created_at", Types.STRING).createOnly(),
            Field.of("updated_at", Types.STRING).createOnly(),
            Field.of("last_success_at", Types.STRING).createOnly(),
            Field.of("last_failure_at", Types.STRING).createOnly(),
            Field.of("failure_count", Types.STRING).createOnly(),
            Field.of("disabled_reason", Types.STRING).createOnly());

    static final List<Filter> FILTERS = List.of(Filter.of("active", Types.BOOLEAN, "active"));

    private WebhookSubscriptionFields() {
    }

    /** The fields other than the secret (which is sealed by the service). */
    static void apply(Fields fields, WebhookSubscription s) {
        if (fields.has("url")) {
            s.url = fields.string("url");
        }
        if (fields.has("resources")) {
            List<String> resources = fields.get("resources") == null ? null : List.copyOf(fields.<String>list("resources"));
            s.resources = resources;
        }
        if (fields.has("active")) {
            s.active = fields.bool("active");
        }
        if (fields.has("client_id")) {
            s.clientId = fields.string("client_id");
        }
        if (fields.has("token_endpoint_url")) {
            s.tokenEndpointUrl = fields.string("token_endpoint_url");
        }
    }
}
