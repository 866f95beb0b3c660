package io.carehub.notifier.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.notifier.config.SecretsConfig;
import io.quarkus.runtime.Startup;

/**
 * Keeps API client secrets encrypted at rest. API.md §1 speaks of a "hashed client_secret", but a client
 * signs its HS256 assertion with the secret itself, so verifying the assertion needs the secret back: a
 * hash cannot give it. Each secret is therefore sealed with AES-256-GCM under {@code SECRETS_ENCRYPTION_KEY}
 * (configuration only, never in the database), with a fresh random 96-bit nonce per secret and the
 * client_id as associated data, so that a ciphertext copied onto another client's row does not open.
 * Stored form: nonce (12 bytes) followed by ciphertext and tag.
 * <p>
 * Changing the key makes every stored secret unreadable: every client, the bootstrap one too (its
 * configuration only seeds it once), needs {@code rotate_secret}; a new {@code BOOTSTRAP_CLIENT_ID} seeds a
 * new operator client to do that with.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int GENERATED_SECRET_BYTES = 32;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretsConfig config) {
        String encoded = config.encryptionKey().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "SECRETS_ENCRYPTION_KEY (carehub.secrets.encryption-key) must be set: base64 of 32 random bytes"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SECRETS_ENCRYPTION_KEY must be base64 of 32 random bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("SECRETS_ENCRYPTION_KEY must be base64 of exactly 32 bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new client secret: 32 random bytes, base64url without padding (43 characters). */
    public String generate() {
        byte[] secret = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public byte[] seal(String clientId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a client secret", e);
        }
    }

    /** The secret, or a failure when the ciphertext is not one this key sealed for this client. */
    public String open(String clientId, byte[] stored) throws GeneralSecurityException {
        if (stored == null || stored.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("not a sealed secret");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
        byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Whether {@code stored} holds exactly {@code secret} (constant time in the secret's content). */
    public boolean holds(String clientId, byte[] stored, String secret) {
        try {
            return MessageDigest.isEqual(open(clientId, stored).getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
