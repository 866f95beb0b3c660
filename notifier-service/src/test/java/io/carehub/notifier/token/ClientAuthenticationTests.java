package io.carehub.notifier.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 6749 §2.3.1 as {@link ClientAuthentication} reads it, without a server. */
class ClientAuthenticationTests {

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    static TokenRequest form(String clientId, String secret) {
        return new TokenRequest(TokenRequest.CLIENT_CREDENTIALS, null, clientId, secret, null, null, Map.of());
    }

    @Test
    void basicCredentialsAreFormUrlDecodedAfterBase64() {
        ClientAuthentication.Credentials c = ClientAuthentication.basic(basic("a%3Ab+c:p%2Bw%21+x%C3%A9"));
        assertEquals("a:b c", c.clientId());
        assertEquals("p+w! x\u00e9", c.secret());
        assertTrue(c.basic());
        // Only the first ':' splits: a secret may hold more (unescaped, as curl -u sends it).
        assertEquals("s:e:c", ClientAuthentication.basic(basic("id:s:e:c")).secret());
    }

    @Test
    void anotherSchemeIsNoBasicAndAMalformedBasicIsInvalidClient() {
        assertNull(ClientAuthentication.basic(null));
        assertNull(ClientAuthentication.basic("Bearer abc"));
        assertNull(ClientAuthentication.basic("Basically"));
        for (String header : new String[] { "Basic", "basic ", "Basic %%%", basic("nocolon"), basic(":s"), basic("id:"), basic("id:%g0") }) {
            OAuthError e = assertThrows(OAuthError.class, () -> ClientAuthentication.basic(header), header);
            assertEquals(OAuthError.INVALID_CLIENT, e.error());
            assertEquals(401, e.status());
        }
    }

    @Test
    void oneWayOfAuthenticatingAtATime() {
        assertEquals("id", ClientAuthentication.of(null, form("id", "s")).clientId());
        assertFalse(ClientAuthentication.of(null, form("id", "s")).basic());
        assertEquals("s", ClientAuthentication.of(basic("id:s"), form("id", null)).secret());
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthError.class, () -> ClientAuthentication.of(basic("id:s"), form(null, "s"))).error());
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthError.class, () -> ClientAuthentication.of(basic("id:s"), form("other", null))).error());
        assertEquals(OAuthError.INVALID_REQUEST, assertThrows(OAuthError.class, () -> ClientAuthentication.of(null, form("id", ""))).error());
        assertEquals(OAuthError.INVALID_REQUEST, assertThrows(OAuthError.class, () -> ClientAuthentication.of(null, form("", "s"))).error());
    }

    @Test
    void secretsMatchOnlyWhenEqualAndNeverWithoutAStoredOne() {
        assertTrue(ClientAuthentication.secretMatches("s3cret", "s3cret"));
        assertFalse(ClientAuthentication.secretMatches("s3cret", "s3cre"));
        assertFalse(ClientAuthentication.secretMatches("s3cret", "S3cret"));
        assertFalse(ClientAuthentication.secretMatches("s3cret", null));
        assertFalse(ClientAuthentication.secretMatches("no client has this secret: it is only compared against", null));
    }

    @Test
    void neitherTheSecretNorTheAssertionIsInTheirToString() {
        assertFalse(form("id", "the-secret").toString().contains("the-secret"));
        assertFalse(ClientAuthentication.basic(basic("id:the-secret")).toString().contains("the-secret"));
        assertFalse(new TokenRequest(TokenRequest.JWT_BEARER, "a.b.c", null, null, null, null, Map.of()).toString().contains("a.b.c"));
    }
}
