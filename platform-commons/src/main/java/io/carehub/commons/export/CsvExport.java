package io.carehub.commons.export;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.paging.Cursor;
import io.carehub.commons.web.Timestamps;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Streams a collection as CSV (API.md §5; RFC 4180, header row, nested JSON as JSON text), fetching it
 * in keyset batches so that memory stays flat however many rows there are. Each emitted item is one
 * batch of rows; the REST layer writes items as they come.
 * <p>
 * Care teams open exports in spreadsheets, which run a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return as a formula ({@code =HYPERLINK(...)} sends the reader to any site). So by
 * default such a cell is written with a {@code '} before it, as OWASP's CSV injection guidance says; every
 * cell alike (a negative number too), since what a spreadsheet reads as a formula does not depend on the
 * column. A machine consumer asks for cells as they are with {@code csv_escape_formulas=false}.
 * <p>
 * A failure after the first item leaves the stream without its end: RESTEasy Reactive, once the response
 * head is written, resets the connection (the chunked body gets no last chunk), so the client sees an
 * error, never a shorter CSV that looks complete.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CsvExport() {
    }

    /**
     * @param columns    the header, in the stable order of the collection's fields
     * @param fetchAfter the next batch after a cursor (null: from the start), in {@code (updated_at, id)} order
     * @param cursorOf   the cursor of a row
     * @param values     a row's values, in {@code columns} order
     */
    public static <T> Multi<String> stream(List<String> columns, int batchSize, Function<Cursor, Uni<List<T>>> fetchAfter,
            Function<T, Cursor> cursorOf, Function<T, List<Object>> values) {
        return stream(columns, batchSize, fetchAfter, cursorOf, values, true);
    }

    /** As above; {@code escapeFormulas}: whether formula-like cells get their {@code '} (the export's parameter). */
    public static <T> Multi<String> stream(List<String> columns, int batchSize, Function<Cursor, Uni<List<T>>> fetchAfter,
            Function<T, Cursor> cursorOf, Function<T, List<Object>> values, boolean escapeFormulas) {
        Multi<String> header = Multi.createFrom().item(line(columns, escapeFormulas));
        Cursor[] position = new Cursor[1];
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> fetchAfter.apply(position[0]).invoke(batch -> {
                    if (!batch.isEmpty()) {
                        position[0] = cursorOf.apply(batch.get(batch.size() - 1));
                    }
                }))
                .whilst(batch -> batch.size() == batchSize)
                .filter(batch -> !batch.isEmpty())
                .map(batch -> {
                    StringBuilder chunk = new StringBuilder(batch.size() * 128);
                    for (T item : batch) {
                        chunk.append(line(values.apply(item), escapeFormulas));
                    }
                    return chunk.toString();
                });
        return Multi.createBy().concatenating().streams(header, rows);
    }

    static String line(List<?> values, boolean escapeFormulas) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String text = text(values.get(i));
            line.append(escape(escapeFormulas ? neutralised(text) : text));
        }
        return line.append("\r\n").toString();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return Timestamps.format(instant);
        }
        if (value instanceof JsonNode || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.toString();
    }

    /** {@code s} with a {@code '} before it when a spreadsheet would read it as a formula. */
    static String neutralised(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + s : s;
    }

    static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
