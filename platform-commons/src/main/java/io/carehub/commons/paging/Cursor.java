package io.carehub.commons.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.carehub.commons.web.Timestamps;

/**
 * The opaque {@code page[after]} cursor: the {@code (updated_at, id)} of the last resource of a page.
 * Clients must not read it; it is base64url text so that it can change without breaking them.
 */
public record Cursor(Instant updatedAt, UUID id) {

    private static final String VERSION = "1";

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when the text is not a cursor this service made. */
    public static Cursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return null;
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            // A forged position beyond what the database holds would fail the query, not page.
            if (!Timestamps.inRange(at)) {
                return null;
            }
            return new Cursor(at, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }
}
