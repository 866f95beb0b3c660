package io.carehub.commons.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.errors.ErrorsBody;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Answers a body declared larger than 1 MiB with {@code 413 payload_too_large} in the API's error body,
 * before it is read. (Quarkus's own limit, set higher, would answer with an empty body.)
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final String BODY = Json.encode(new ErrorsBody(
            java.util.List.of(ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than 1 MiB"))));

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close").end(BODY);
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
