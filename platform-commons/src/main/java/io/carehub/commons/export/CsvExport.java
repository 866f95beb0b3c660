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
        Multi<String> header = Multi.createFrom().item(line(columns));
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
                        chunk.append(line(values.apply(item)));
                    }
                    return chunk.toString();
                });
        return Multi.createBy().concatenating().streams(header, rows);
    }

    static String line(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(text(values.get(i))));
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

    static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
