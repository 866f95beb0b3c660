package io.carehub.notifier.token;

import static io.carehub.notifier.TestClients.assertion;
import static io.carehub.notifier.TestClients.requestToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §1: "a jti seen before within its exp is refused"; after its exp it is forgotten. */
@QuarkusTest
class ReplayGuardTests {

    @Inject
    Pool pool;

    @Inject
    ReplayGuard replays;

    final String tenant = "replay-" + UUID.randomUUID();

    @Test
    void aJtiWhoseEarlierAssertionHasExpiredMayBeUsedOnceMore() {
        Client client = TestClients.create(tenant, "all");
        String jti = UUID.randomUUID().toString();
        remember(client.clientId(), jti, "now() - interval '1 minute'");
        String assertion = assertion(client.clientId()).jti(jti).signedWith(client.secret());
        requestToken(assertion).statusCode(200);
        requestToken(assertion).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    /**
     * Issue 8 item 9: an assertion without jti (the reference's PyJWT example sends none, with exp up to an hour
     * ahead) is accepted, but only within 5 minutes of its first use; a fresh one is fine again.
     */
    @Test
    void anAssertionWithoutJtiIsGoodOnlyWithinFiveMinutesOfItsFirstUse() {
        Client client = TestClients.create(tenant, "all");
        String reused = assertion(client.clientId()).expiresIn(3600).signedWith(client.secret());
        requestToken(reused).statusCode(200);
        requestToken(reused).statusCode(200);
        pool.preparedQuery("UPDATE used_assertions SET first_used_at = now() - interval '5 minutes 1 second'"
                + " WHERE client_id = $1").execute(Tuple.of(client.clientId())).await().atMost(Duration.ofSeconds(10));
        requestToken(reused).statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("an assertion without jti may be used only within 5 minutes of its"
                        + " first use; send a new one (or a jti)"));
        // Still refused after the purge: it is remembered until its exp, not its window.
        try {
            VertxContextSupport.subscribeAndAwait(() -> replays.purgeExpired());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        requestToken(reused).statusCode(400).body("error", equalTo("invalid_grant"));
        // (Another exp, so that it is not the same assertion made within the same second.)
        requestToken(assertion(client.clientId()).expiresIn(3500).signedWith(client.secret())).statusCode(200);
    }

    @Test
    void thePurgeForgetsExpiredAssertionIdsOnly() throws Throwable {
        String clientId = "purge-" + UUID.randomUUID();
        remember(clientId, "expired", "now() - interval '1 second'");
        remember(clientId, "valid", "now() + interval '1 hour'");

        VertxContextSupport.subscribeAndAwait(() -> replays.purgeExpired());

        var rows = pool.preparedQuery("SELECT jti FROM used_assertions WHERE client_id = $1").execute(Tuple.of(clientId))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(1, rows.rowCount());
        assertEquals("valid", rows.iterator().next().getString("jti"));
    }

    private void remember(String clientId, String jti, String expiresAt) {
        pool.preparedQuery("INSERT INTO used_assertions (client_id, jti, expires_at) VALUES ($1, $2, " + expiresAt + ")")
                .execute(Tuple.of(clientId, jti)).await().atMost(Duration.ofSeconds(10));
    }
}
