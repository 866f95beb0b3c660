package io.carehub.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void roundTripsTheKeysetToTheMicrosecond() {
        Cursor c = new Cursor(Instant.parse("2018-09-12T01:27:32.024836Z"), UUID.randomUUID());
        assertEquals(c, Cursor.decode(c.encode()));
    }

    @Test
    void refusesTextItDidNotMake() {
        for (String bad : new String[] { "", "abc", "bm90LWEtY3Vyc29y", "%%%", "Mjox" }) {
            assertNull(Cursor.decode(bad), bad);
        }
    }

    @Test
    void refusesAPositionBeyondWhatTheDatabaseHolds() {
        for (long micros : new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800_000_000L }) {
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("1:" + micros + ":" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertNull(Cursor.decode(forged), Long.toString(micros));
        }
    }
}
