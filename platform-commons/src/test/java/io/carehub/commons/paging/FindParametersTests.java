package io.carehub.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.validation.Types;

class FindParametersTests {

    static final List<Filter> FILTERS = List.of(Filter.of("type_name", Types.STRING, "typeName"));
    static final String FORM = "application/x-www-form-urlencoded";

    static ApiError refused(Runnable parse) {
        ApiException e = assertThrows(ApiException.class, parse::run);
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals(400, e.status());
        assertEquals("bad_request", e.errors().get(0).code());
        return e.errors().get(0);
    }

    static ApiError refusedQuery(String name, String value) {
        return refused(() -> FindParameters.fromQuery(Map.of(name, List.of(value)), FILTERS, false));
    }

    @Test
    void aMalformedPercentEscapeInAFormBodyIsABadRequestAtItsField() {
        assertEquals("page[from]", refused(() -> FindParameters.fromBody("page%5Bfrom%5D=2018-09-12T01%3A27%zz",
                FORM, FILTERS, false)).extra().get("path"));
        assertEquals("type_%4", refused(() -> FindParameters.fromBody("type_%4=x", FORM, FILTERS, false)).extra().get("path"));
        assertEquals("x", FindParameters.fromBody("type_name=x", FORM, FILTERS, false).filterText().get("type_name"));
    }

    @Test
    void aNulInAnyNameOrValueIsABadRequestAtIt() {
        assertEquals("type_name", refusedQuery("type_name", "a\u0000b").extra().get("path"));
        assertEquals("page[from]", refusedQuery("page[from]", "\u0000").extra().get("path"));
        assertEquals("type\u0000name", refusedQuery("type\u0000name", "a").extra().get("path"));
        assertEquals("type_name", refused(() -> FindParameters.fromBody("type_name=a%00", FORM, FILTERS, false))
                .extra().get("path"));
        assertEquals("type_name", refused(() -> FindParameters.fromBody("{\"type_name\": \"a\\u0000\"}",
                "application/json", FILTERS, false)).extra().get("path"));
    }

    @Test
    void timestampsBeyondWhatTheDatabaseHoldsAreBadRequestsAtTheParameter() {
        for (String far : new String[] { "-290000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00" }) {
            assertEquals("page[from]", refusedQuery("page[from]", far).extra().get("path"), far);
            assertEquals("page[to]", refusedQuery("page[to]", far).extra().get("path"), far);
        }
        var bounds = FindParameters.fromQuery(Map.of("page[from]", List.of("0001-01-01T00:00:00Z"),
                "page[to]", List.of("9999-12-31T23:59:59.999999Z")), FILTERS, false);
        assertEquals("0001-01-01T00:00:00Z", bounds.page().from().toString());
    }

    @Test
    void aForgedCursorBeyondWhatTheDatabaseHoldsIsABadRequest() {
        for (long micros : new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800_000_000L, -62_135_596_800_000_001L }) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("1:" + micros + ":0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b").getBytes(StandardCharsets.UTF_8));
            assertEquals("page[after]", refusedQuery("page[after]", forged).extra().get("path"), Long.toString(micros));
        }
    }

    @Test
    void csvEscapeFormulasIsAnExportParameterReadStrictly() {
        assertTrue(FindParameters.forExport(Map.of(), FILTERS, false).escapeFormulas());
        assertTrue(FindParameters.forExport(Map.of("csv_escape_formulas", List.of("true")), FILTERS, false).escapeFormulas());
        var raw = FindParameters.forExport(Map.of("csv_escape_formulas", List.of("false")), FILTERS, false);
        assertFalse(raw.escapeFormulas());
        assertFalse(raw.continuing(null, 10).escapeFormulas());
        for (String bad : new String[] { "", "no", "FALSE", "0" }) {
            assertEquals("csv_escape_formulas", refused(() -> FindParameters.forExport(
                    Map.of("csv_escape_formulas", List.of(bad)), FILTERS, false)).extra().get("path"), bad);
        }
        assertEquals("unknown parameter csv_escape_formulas: it is a parameter of exports",
                refusedQuery("csv_escape_formulas", "false").detail());
    }
}
