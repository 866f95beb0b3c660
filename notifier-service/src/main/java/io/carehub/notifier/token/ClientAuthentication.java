package io.carehub.notifier.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * How a client of the client credentials grant says who it is (RFC 6749 §2.3.1): HTTP Basic, with the
 * {@code client_id} and {@code client_secret} each form-urlencoded, joined by {@code :} and base64-encoded; or the two
 * in the body. Exactly one of the two ways (RFC 6749 §2.3: "MUST NOT use more than one authentication method"); a body
 * {@code client_id} beside Basic is taken when it names the same client, as some libraries send it.
 * <p>
 * The secret is compared in time that does not depend on where it differs ({@link #secretMatches}); neither it nor
 * the {@code Authorization} header is ever logged or put in a message.
 */
final class ClientAuthentication {

    private static final String BASIC = "basic ";

    /** A secret with nothing to compare against (an unknown client) is compared with this: the same work either way. */
    private static final byte[] NO_SECRET = digest("no client has this secret: it is only compared against");

    /** A client's word for itself; {@code basic}: it came in the {@code Authorization} header. */
    record Credentials(String clientId, String secret, boolean basic) {

        @Override
        public String toString() {
            return "Credentials[client_id=" + clientId + ", basic=" + basic + "]";
        }
    }

    private ClientAuthentication() {
    }

    /**
     * The client's credentials, from {@code authorization} (the {@code Authorization} header, or null) or the body.
     * Another scheme than Basic in the header (a {@code Bearer} token) is not client authentication and is ignored.
     */
    static Credentials of(String authorization, TokenRequest request) {
        Credentials basic = basic(authorization);
        if (basic != null) {
            if (request.clientSecret() != null) {
                throw OAuthError.invalidRequest("the client authenticates one way: HTTP Basic or client_id and client_secret"
                        + " in the body, not both");
            }
            if (request.clientId() != null && !request.clientId().equals(basic.clientId())) {
                throw OAuthError.invalidRequest("the body's client_id is not the one of the Authorization header");
            }
            return basic;
        }
        if (request.clientId() == null || request.clientId().isEmpty()) {
            throw OAuthError.invalidRequest("client_id is required (or HTTP Basic authentication)");
        }
        if (request.clientSecret() == null || request.clientSecret().isEmpty()) {
            throw OAuthError.invalidRequest("client_secret is required (or HTTP Basic authentication)");
        }
        return new Credentials(request.clientId(), request.clientSecret(), false);
    }

    /** Null without a Basic {@code Authorization} header; {@code invalid_client} for one that is malformed. */
    static Credentials basic(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.equals(BASIC.strip())) {
            throw malformed();
        }
        if (!lower.startsWith(BASIC)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw malformed();
        }
        String clientId = formDecode(decoded.substring(0, colon));
        String secret = formDecode(decoded.substring(colon + 1));
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw malformed();
        }
        return new Credentials(clientId, secret, true);
    }

    /**
     * Whether {@code given} is {@code stored} (null: the client does not exist or may not sign in), comparing
     * SHA-256 digests with {@link MessageDigest#isEqual}: fixed-length, in time that tells nothing of either secret.
     */
    static boolean secretMatches(String given, String stored) {
        byte[] expected = stored == null ? NO_SECRET : digest(stored);
        boolean equal = MessageDigest.isEqual(digest(given), expected);
        return stored != null && equal;
    }

    private static String formDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static OAuthError malformed() {
        return OAuthError.invalidClient("the Authorization header is not HTTP Basic credentials: base64 of"
                + " form-urlencoded client_id, ':' and form-urlencoded client_secret");
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
