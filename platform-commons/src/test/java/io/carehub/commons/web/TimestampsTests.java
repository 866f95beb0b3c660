package io.carehub.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampsTests {

    static final Instant AT = Instant.parse("2018-09-12T01:27:32.024836Z");

    @Test
    void writesSixFractionalDigitsAndPlusZeroOffset() {
        assertEquals("2018-09-12T01:27:32.024836+00:00", Timestamps.format(AT));
        assertEquals("2018-09-12T01:27:32.000000+00:00", Timestamps.format(Instant.parse("2018-09-12T01:27:32Z")));
    }

    @Test
    void readsEveryInputFormOfTheContract() {
        for (String form : new String[] { "2018-09-12T01:27:32.024836+00:00", "2018-09-12T01:27:32.024836Z",
                "2018-09-12T01:27:32.024836", "2018-09-12T01:27:32.024836 00:00", "2018-09-12T03:27:32.024836+02:00",
                "2018-09-11T20:27:32.024836-05:00", "2018-09-12T01:27:32.024836000Z", "2018-09-12T01:27:32.024836+0000" }) {
            assertEquals(AT, Timestamps.parse(form).orElseThrow(() -> new AssertionError(form)), form);
        }
        assertEquals(Instant.parse("2018-09-12T01:27:32.123456789Z"), Timestamps.parse("2018-09-12T01:27:32.123456789Z").get());
        assertEquals(Instant.parse("2018-09-12T01:27:00Z"), Timestamps.parse("2018-09-12T01:27Z").get());
    }

    @Test
    void readsTheFirstAndLastInstantOfItsRange() {
        assertEquals(Timestamps.EARLIEST, Timestamps.parse("0001-01-01T00:00:00Z").get());
        assertEquals(Timestamps.LATEST, Timestamps.parse("9999-12-31T23:59:59.999999+00:00").get());
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        for (String bad : new String[] { "", "yesterday", "2018-09-12", "2019-02-30T00:00:00Z", "2018-13-01T00:00:00Z",
                "2018-09-12T25:00:00Z", "2018-09-12T01:27:32.0248361234Z",
                // beyond years 1 to 9999, where PostgreSQL fails or the output format cannot follow
                "-290000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z",
                "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z" }) {
            assertTrue(Timestamps.parse(bad).isEmpty(), bad);
        }
    }
}
