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
}
