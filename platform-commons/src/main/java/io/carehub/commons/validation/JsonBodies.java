package io.carehub.commons.validation;

import java.nio.charset.StandardCharsets;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.web.BodySizeLimit;

/** Turns a request body into a JSON object, or the API's {@code parse_exception}. */
public final class JsonBodies {

    /**
     * How deeply a body may nest objects and arrays. Far beyond any schema of the API, and far below what
     * would exhaust a thread's stack in the code that walks, stores and writes JSON trees.
     */
    public static final int MAX_DEPTH = 64;

    /** Bodies nest at most {@link #MAX_DEPTH} levels (a 1 MiB body could otherwise nest 500 000). */
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).build();

    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private static final ObjectMapper STRICT = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    public static JsonNode object(String body) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > BodySizeLimit.MAX_BODY_BYTES) {
            throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than 1 MiB");
        }
        if (body == null || body.isBlank()) {
            throw ApiException.parse("", "the body must be a JSON object");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (StreamConstraintsException e) {
            // Valid JSON past a bound of ours: a bad request, and Jackson's message is not the API's.
            boolean depth = e.getMessage() != null && e.getMessage().contains("nesting depth");
            throw ApiException.badRequest("", depth ? "the body nests objects and arrays more than " + MAX_DEPTH + " levels deep"
                    : "the body holds a value longer than allowed (a number of more than "
                            + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits)");
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw ApiException.parse("", "the body is not valid JSON" + where);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.parse("", "the body must be a JSON object");
        }
        return node;
    }

    /**
     * The exact text of the value of the top-level field {@code name} of {@code body}, a JSON object that
     * {@link #object} accepted; null when it has no such field.
     */
    public static String sourceOf(String body, String name) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = name.equals(parser.currentName());
                if (!parser.nextToken().isStructStart()) {
                    parser.finishToken();
                }
                // A String source: locations count chars, so they index the body itself.
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (wanted) {
                    int end = (int) parser.currentLocation().getCharOffset();
                    return body.substring(start, end);
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object that was accepted before", e);
        }
    }
}
