package io.carehub.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/** The cache of verified tokens keeps a token only until its {@code exp}, and only as many as it may. */
class VerifiedTokensTests {

    private static VerifiedTokens verifiedTokens(long max) throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.readPublicKey("test-keys/jwt-public.pem"), TestTokens.ISSUER);
        context.setClockSkew(0); // so that the verifier itself refuses a token the moment it expires
        return new VerifiedTokens(new DefaultJWTParser(context), max);
    }

    @Test
    void forgetsATokenWhenItExpires() throws Exception {
        VerifiedTokens tokens = verifiedTokens(100);
        Instant expires = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 2);
        String token = TestTokens.expiringAt("expiry", "all", expires);
        JsonWebToken verified = tokens.parse(token);
        assertSame(verified, tokens.parse(token));
        assertEquals(expires.getEpochSecond(), verified.getExpirationTime());

        while (Instant.now().isBefore(expires.plusMillis(50))) { // the deadline is the token's exp itself
            Thread.sleep(20);
        }
        assertThrows(ParseException.class, () -> tokens.parse(token), "an expired token is verified again, and refused");
    }

    @Test
    void keepsNoMoreTokensThanItMay() throws Exception {
        VerifiedTokens tokens = verifiedTokens(1);
        String first = TestTokens.token("bounded", "all");
        JsonWebToken verified = tokens.parse(first);
        for (int i = 0; i < 50; i++) {
            tokens.parse(TestTokens.token("bounded-" + i, "all"));
        }
        tokens.cleanUp();
        assertNotSame(verified, tokens.parse(first), "the first token was evicted and verified again");
    }
}
