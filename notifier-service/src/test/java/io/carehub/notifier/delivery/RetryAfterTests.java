package io.carehub.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

/** API.md §7, retries honour {@code Retry-After}: read as seconds or an HTTP date, and clamped, never thrown on. */
class RetryAfterTests {

    static final Duration BASE = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofMinutes(30);

    @Test
    void secondsAndDatesAreRead() {
        assertEquals(Duration.ofSeconds(120), Dispatcher.retryAfter("120"));
        assertEquals(Duration.ofSeconds(7), Dispatcher.retryAfter(" 007 "));
        assertEquals(Duration.ZERO, Dispatcher.retryAfter("0"));
        String inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration untilThen = Dispatcher.retryAfter(inAnHour);
        assertTrue(untilThen.compareTo(Duration.ofMinutes(58)) > 0 && untilThen.compareTo(Duration.ofMinutes(61)) < 0, untilThen.toString());
        assertEquals(Duration.ZERO, Dispatcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a date past is now");
    }

    @Test
    void hugeValuesAreClampedInsteadOfThrowing() {
        for (String huge : new String[] { "99999999999999", "9223372036854775807", "99999999999999999999999999999999",
                "Fri, 31 Dec 9999 23:59:59 GMT", "Fri, 31 Dec 99999 23:59:59 GMT" }) {
            assertEquals(Dispatcher.RETRY_AFTER_CAP, Dispatcher.retryAfter(huge), huge);
            Duration delay = Dispatcher.backoff(BASE, MAX, 3, Dispatcher.retryAfter(huge));
            assertEquals(MAX, delay, "the longest retry, not later: " + huge);
        }
    }

    @Test
    void unreadableValuesAreIgnored() {
        for (String bad : new String[] { "", "soon", "-5", "1.5", "Fri, 32 Dec 2030 23:59:59 GMT" }) {
            assertNull(Dispatcher.retryAfter(bad), bad);
        }
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximumAndHonoursRetryAfter() {
        for (int failures = 0; failures < 40; failures++) {
            long exp = failures >= 30 ? MAX.toMillis() : Math.min(MAX.toMillis(), BASE.toMillis() << failures);
            long delay = Dispatcher.backoff(BASE, MAX, failures, null).toMillis();
            assertTrue(delay >= exp / 2 && delay <= exp, failures + " failures: " + delay);
        }
        assertTrue(Dispatcher.backoff(BASE, MAX, 0, Duration.ofMinutes(10)).compareTo(Duration.ofMinutes(10)) >= 0);
    }
}
