package io.carehub.notifier.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.InvalidJwtSignatureException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import io.carehub.notifier.config.TokenConfig;

/**
 * Checks a client's assertion (RFC 7523 §3, API.md §1): HS256 only, keyed with the client secret's UTF-8
 * bytes (as PyJWT does with a string key, however short), {@code iss} = the client, {@code aud} one of the
 * accepted audiences, {@code exp} required, in the future and at most an hour ahead, a minute of leeway
 * for clock skew both ways; {@code iat} optional but not in the future.
 * <p>
 * Until the signature is verified every refusal reads the same ({@link OAuthError#NOT_VALID}); once it is,
 * the sender holds the secret and is told what is wrong with the claims. Neither the assertion nor any
 * message quoting it (jose4j's do) is ever logged.
 */
@ApplicationScoped
public class AssertionVerifier {

    private static final Logger LOG = Logger.getLogger(AssertionVerifier.class);

    static final int LEEWAY_SECONDS = 60;
    static final int MAX_LIFETIME_MINUTES = 60;
    static final int MAX_JTI_LENGTH = 255;

    /** The errors jose4j reports only after the signature was verified (its claim validators). */
    private static final Set<Integer> CLAIM_ERRORS = Set.of(ErrorCodes.EXPIRED, ErrorCodes.EXPIRATION_MISSING,
            ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE, ErrorCodes.NOT_YET_VALID, ErrorCodes.AUDIENCE_MISSING,
            ErrorCodes.AUDIENCE_INVALID, ErrorCodes.ISSUED_AT_INVALID_FUTURE, ErrorCodes.MALFORMED_CLAIM);

    /** Reads the claims without checking anything: only to learn whose secret verifies the assertion. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private final String[] audiences;

    public AssertionVerifier(TokenConfig config) {
        this.audiences = config.audiences().stream().map(String::strip).filter(a -> !a.isEmpty()).toArray(String[]::new);
        if (audiences.length == 0) {
            throw new IllegalStateException("carehub.token.audiences must name the token endpoint's URL");
        }
    }

    /** The assertion's {@code iss}, unverified. */
    public String issuer(String assertion) {
        try {
            String iss = UNVERIFIED.processToClaims(assertion).getIssuer();
            if (iss == null || iss.isBlank()) {
                throw OAuthError.invalidGrant();
            }
            return iss;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw OAuthError.invalidGrant();
        }
    }

    /** The verified claims of an assertion by {@code clientId}, signed with {@code secret}. */
    public JwtClaims verify(String assertion, String clientId, String secret) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation()
                .setExpectedIssuer(clientId)
                .setExpectedAudience(true, audiences)
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
                .setAllowedClockSkewInSeconds(LEEWAY_SECONDS)
                .setIssuedAtRestrictions(0, Integer.MAX_VALUE)
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(assertion);
        } catch (InvalidJwtException e) {
            throw refusal(e, clientId);
        }
        try {
            String jti = claims.getJwtId();
            if (jti != null && (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH)) {
                throw OAuthError.invalidGrant("the assertion's jti must be 1 to " + MAX_JTI_LENGTH + " characters");
            }
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidGrant("the assertion's jti must be a string");
        }
        return claims;
    }

    private static OAuthError refusal(InvalidJwtException e, String clientId) {
        List<Integer> codes = e.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorCode).toList();
        LOG.debugf("assertion of client %s refused, jose4j error codes %s", clientId, codes);
        if (e instanceof InvalidJwtSignatureException || codes.isEmpty() || !CLAIM_ERRORS.containsAll(codes)) {
            return OAuthError.invalidGrant();
        }
        if (codes.contains(ErrorCodes.EXPIRATION_MISSING)) {
            return OAuthError.invalidGrant("the assertion must have an exp claim");
        }
        if (codes.contains(ErrorCodes.EXPIRED)) {
            return OAuthError.invalidGrant("the assertion has expired");
        }
        if (codes.contains(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            return OAuthError.invalidGrant("the assertion's exp must be at most 1 hour ahead");
        }
        if (codes.contains(ErrorCodes.AUDIENCE_MISSING) || codes.contains(ErrorCodes.AUDIENCE_INVALID)) {
            return OAuthError.invalidGrant("the assertion's aud must be this token endpoint's URL");
        }
        if (codes.contains(ErrorCodes.NOT_YET_VALID)) {
            return OAuthError.invalidGrant("the assertion is not valid yet (nbf)");
        }
        if (codes.contains(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return OAuthError.invalidGrant("the assertion's iat is in the future");
        }
        return OAuthError.invalidGrant("the assertion has a malformed claim");
    }
}
