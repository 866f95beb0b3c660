package io.carehub.commons.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class LimiterTests {

    /** A clock the test moves. */
    static final class Clock implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefillWhileAnotherIsUntouched() {
        Clock clock = new Clock();
        Limiter limiter = new Limiter(2, 3, Duration.ofSeconds(1), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a"), "request " + (i + 1) + " of the burst");
        }
        long wait = limiter.acquire("a");
        // 2 a second: the next token in half a second.
        assertEquals(500_000_000L, wait);
        assertEquals(1, Limiter.retryAfterSeconds(wait));
        assertEquals(0, limiter.acquire("b"));

        clock.advance(Duration.ofMillis(499));
        assertTrue(limiter.acquire("a") > 0);
        clock.advance(Duration.ofMillis(1));
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
    }

    @Test
    void aPerMinuteLimitAsksForTheSecondsUntilItsNextToken() {
        Clock clock = new Clock();
        Limiter limiter = new Limiter(3, 3, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("client"));
        }
        long wait = limiter.acquire("client");
        assertEquals(Duration.ofSeconds(20).toNanos(), wait);
        assertEquals(20, Limiter.retryAfterSeconds(wait));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(15, Limiter.retryAfterSeconds(limiter.acquire("client")));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, Limiter.retryAfterSeconds(1));
        assertEquals(1, Limiter.retryAfterSeconds(1_000_000_000L));
        assertEquals(2, Limiter.retryAfterSeconds(1_000_000_001L));
    }

    @Test
    void aRateOfZeroLimitsNothing() {
        Limiter off = new Limiter(0, 0, Duration.ofSeconds(1), 100, new Clock());
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.acquire("a"));
        }
    }

    @Test
    void overlongKeysAreCutSoThatTheyShareOneBucket() {
        Limiter limiter = new Limiter(1, 1, Duration.ofMinutes(1), 100, new Clock());
        String prefix = "x".repeat(Limiter.MAX_KEY_LENGTH);
        assertEquals(0, limiter.acquire(prefix + "1"));
        assertTrue(limiter.acquire(prefix + "2") > 0);
    }

    /** API-CORE.md §C2's token limit, the default: 100 at once, then one every 3 s (5 minutes / 100). */
    @Test
    void aHundredTokenRequestsPerFiveMinutesGiveAHundredAtOnceThenOneEveryThreeSeconds() {
        Clock clock = new Clock();
        Limiter limiter = new Limiter(100, 100, Duration.ofMinutes(5), 100, clock);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.acquire("client"), "request " + (i + 1));
        }
        long wait = limiter.acquire("client");
        assertEquals(Duration.ofSeconds(3).toNanos(), wait);
        assertEquals(3, Limiter.retryAfterSeconds(wait));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(0, limiter.acquire("client"));
        assertTrue(limiter.acquire("client") > 0);
    }

    @Test
    void aLimitsPeriodIsSaidInWords() {
        assertEquals("a minute", RateLimits.per(Duration.ofMinutes(1)));
        assertEquals("per 5 minutes", RateLimits.per(Duration.ofMinutes(5)));
        assertEquals("an hour", RateLimits.per(Duration.ofHours(1)));
        assertEquals("per 2 hours", RateLimits.per(Duration.ofHours(2)));
        assertEquals("a second", RateLimits.per(Duration.ofSeconds(1)));
        assertEquals("per 90 seconds", RateLimits.per(Duration.ofSeconds(90)));
    }
}
