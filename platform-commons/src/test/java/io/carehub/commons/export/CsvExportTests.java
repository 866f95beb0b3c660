package io.carehub.commons.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class CsvExportTests {

    @Test
    void quotesPerRfc4180AndWritesNestedJsonAsJsonText() {
        var json = JsonNodeFactory.instance.objectNode().put("a", "b,c");
        String line = CsvExport.line(Arrays.asList("plain", "with,comma", "with \"quote\"", "two\nlines", null,
                Instant.parse("2018-09-12T01:27:32.024836Z"), json, List.of("x", "y"), true));
        assertEquals("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",,2018-09-12T01:27:32.024836+00:00,"
                + "\"{\"\"a\"\":\"\"b,c\"\"}\",\"[\"\"x\"\",\"\"y\"\"]\",true\r\n", line);
    }
}
