package io.carehub.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * How a delivery proves where it comes from (API.md §7): the reference's bearer JWT and the Standard
 * Webhooks signature. Both keyed with the subscription's secret; neither the secret nor what it signs is
 * ever logged.
 */
public final class Signatures {

    static final String SCOPE = "welkin";
    static final long JWT_LIFETIME_SECONDS = 300;
    static final String WHSEC_PREFIX = "whsec_";

    private Signatures() {
    }

    /**
     * HS256 keyed with the secret's UTF-8 bytes (as PyJWT uses a string key, however short): {@code iss} =
     * the subscription's client_id, {@code aud} = the URL it is sent to, {@code scope} = welkin,
     * {@code iat}, {@code exp} = iat + 5 min, {@code jti}.
     */
    public static String bearerJwt(String secret, String issuer, String audience, String jti, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setClaim("scope", SCOPE);
        claims.setClaim("iat", now.getEpochSecond());
        claims.setClaim("exp", now.getEpochSecond() + JWT_LIFETIME_SECONDS);
        claims.setJwtId(jti);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a delivery JWT");
        }
    }

    /**
     * {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}, keyed with the base64-decoded part after
     * {@code whsec_}, or with the secret's UTF-8 bytes when it has no such prefix.
     */
    public static String webhookSignature(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a delivery");
        }
    }

    static byte[] key(String secret) {
        if (secret.startsWith(WHSEC_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(WHSEC_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // not base64 after all: the whole secret's bytes, as for any other secret
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
