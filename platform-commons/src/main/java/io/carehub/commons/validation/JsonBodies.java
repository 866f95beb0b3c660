package io.carehub.commons.validation;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.web.BodySizeLimit;

/** Turns a request body into a JSON object, or the API's {@code parse_exception}. */
public final class JsonBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
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
}
