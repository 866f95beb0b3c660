package io.carehub.commons.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The isodatetime type of API.md §2: what is accepted and how it is written. Output always has exactly
 * six fractional digits and {@code +00:00}, as the reference: {@code 2018-09-12T01:27:32.024836+00:00}.
 */
public final class Timestamps {

    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC);

    /** Date, time with 0 to 9 fractional digits, optional offset ({@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}). */
    private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The instants the API takes: years 1 to 9999, which its output format writes as they are and which
     * PostgreSQL's timestamptz holds (4713 BC to 294276 AD); anything beyond would fail in the database.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    /** Whether the API takes {@code instant} (see {@link #EARLIEST}, {@link #LATEST}). */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static String format(Instant instant) {
        return instant == null ? null : OUTPUT.format(instant);
    }

    /** Now, truncated to what PostgreSQL's timestamptz keeps, so that what is written is what is read back. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Parses an isodatetime. A space where the offset's {@code +} should be (it arrived unencoded in a
     * query string) is read as {@code +}; no offset means UTC. Empty when the text is not one, or names
     * an instant out of {@link #inRange range}.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int tee = t.indexOf('T') < 0 ? t.indexOf('t') : t.indexOf('T');
        if (tee > 0) {
            int space = t.indexOf(' ', tee);
            if (space > 0) {
                t = t.substring(0, space) + "+" + t.substring(space + 1);
            }
        }
        try {
            var parsed = INPUT.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return inRange(instant) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
