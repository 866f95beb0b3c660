package io.carehub.commons.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.paging.Cursor;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class CsvExportTests {

    @Test
    void quotesPerRfc4180AndWritesNestedJsonAsJsonText() {
        var json = JsonNodeFactory.instance.objectNode().put("a", "b,c");
        String line = CsvExport.line(Arrays.asList("plain", "with,comma", "with \"quote\"", "two\nlines", null,
                Instant.parse("2018-09-12T01:27:32.024836Z"), json, List.of("x", "y"), true), true);
        assertEquals("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",,2018-09-12T01:27:32.024836+00:00,"
                + "\"{\"\"a\"\":\"\"b,c\"\"}\",\"[\"\"x\"\",\"\"y\"\"]\",true\r\n", line);
    }

    @Test
    void cellsThatSpreadsheetsRunAsFormulasGetAQuoteBeforeThem() {
        String line = CsvExport.line(List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
                "a=b", "'already", "555-555-1234", ""), true);
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b,'already,555-555-1234,\r\n", line);
    }

    @Test
    void theOptOutWritesCellsAsTheyAre() {
        assertEquals("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2,@a\r\n",
                CsvExport.line(List.of("=HYPERLINK(\"http://x\",\"y\")", "-2", "@a"), false));
    }

    @Test
    void theHeaderAndEveryBatchAreNeutralisedToo() {
        List<String> items = CsvExport.stream(List.of("=col"), 2, after -> Uni.createFrom().item(after == null
                ? List.of("=1", "ok") : List.<String>of()), s -> new Cursor(Instant.EPOCH, UUID.randomUUID()),
                s -> List.<Object>of(s)).collect().asList().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("'=col\r\n", "'=1\r\nok\r\n"), items);
    }

    /** A fetch that fails after the first batch fails the stream: it never completes, so it is never a whole CSV. */
    @Test
    void aBatchThatFailsFailsTheStreamAfterWhatWasSent() {
        AtomicInteger fetches = new AtomicInteger();
        var subscriber = CsvExport.stream(List.of("n"), 2,
                after -> fetches.getAndIncrement() == 0 ? Uni.createFrom().item(List.of("1", "2"))
                        : Uni.createFrom().failure(new IllegalStateException("the database went away")),
                s -> new Cursor(Instant.EPOCH, UUID.randomUUID()), s -> List.<Object>of(s))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        subscriber.awaitFailure(Duration.ofSeconds(5));
        assertEquals(List.of("n\r\n", "1\r\n2\r\n"), subscriber.getItems());
        assertInstanceOf(IllegalStateException.class, subscriber.getFailure());
        assertFalse(subscriber.hasCompleted());
        assertEquals(2, fetches.get());
    }
}
