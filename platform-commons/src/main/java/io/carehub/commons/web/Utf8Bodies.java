package io.carehub.commons.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.carehub.commons.errors.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * A JSON or form body that is not UTF-8 is refused ({@code 400 parse_exception} for JSON, {@code bad_request} for a
 * form) rather than decoded: each bad byte would become U+FFFD and be stored in its place. The token endpoint answers
 * its own failures, in OAuth's shape (API.md §1).
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if ((json || form) && !RequestBodies.isTokenEndpoint(request.getCurrent().normalizedPath())) {
            byte[] body = context.getInputStream().readAllBytes();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw json ? ApiException.parse("", "the body is not valid JSON: it is not UTF-8 text")
                        : ApiException.badRequest("", "the form body is not UTF-8 text");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
