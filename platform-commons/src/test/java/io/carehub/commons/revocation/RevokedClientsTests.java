package io.carehub.commons.revocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.revocation.RevokedClients.Client;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

class RevokedClientsTests {

    static final Instant UPDATED = Instant.parse("2026-01-01T10:00:00Z");

    final RevokedClients revoked = new RevokedClients(new SimpleMeterRegistry());
    final Client client = new Client("acme", UUID.randomUUID());
    final Client other = new Client("acme", UUID.randomUUID());

    RevokedClientsTests() {
        revoked.readToEnd();
    }

    boolean refuses(Client c, Instant issuedAt) {
        return revoked.refuses(c.tenant(), c.id(), issuedAt).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aClientNeverRevokedIsAccepted() {
        assertFalse(refuses(client, UPDATED));
    }

    @Test
    void aDisabledOrDeletedClientIsRefusedWhenEverItsTokenWasIssued() {
        revoked.revoke(client);
        assertTrue(refuses(client, UPDATED.minusSeconds(3600)));
        assertTrue(refuses(client, UPDATED.plusSeconds(3600)));
        assertFalse(refuses(other, UPDATED));
        assertFalse(refuses(new Client("another-tenant", client.id()), UPDATED), "confined to its tenant");
    }

    @Test
    void aClientSaidUsableAgainIsAccepted() {
        revoked.revoke(client);
        revoked.restore(client);
        assertFalse(refuses(client, UPDATED));
    }

    @Test
    void anUnconfirmedUpdateRefusesTheTokensIssuedUpToItAndTheLeewayOnly() {
        revoked.unconfirmed(client, UPDATED);
        assertTrue(refuses(client, UPDATED.minusSeconds(3600)));
        assertTrue(refuses(client, UPDATED.plus(RevokedClients.LEEWAY)));
        assertFalse(refuses(client, UPDATED.plus(RevokedClients.LEEWAY).plusSeconds(1)), "a token issued since");
        assertFalse(refuses(other, UPDATED.minusSeconds(3600)));
        assertTrue(revoked.unconfirmed().contains(client));
    }

    @Test
    void aLaterUnconfirmedUpdateWidensTheRefusalAndAnEarlierOneDoesNotNarrowIt() {
        revoked.unconfirmed(client, UPDATED);
        revoked.unconfirmed(client, UPDATED.plusSeconds(600));
        revoked.unconfirmed(client, UPDATED.minusSeconds(600));
        assertTrue(refuses(client, UPDATED.plusSeconds(600)));
    }

    @Test
    void anUnconfirmedUpdateOfARevokedClientKeepsEveryTokenRefused() {
        revoked.revoke(client);
        revoked.unconfirmed(client, UPDATED);
        assertTrue(refuses(client, UPDATED.plusSeconds(3600)));
        assertTrue(revoked.unconfirmed().isEmpty(), "a revoked client is not asked about again");
    }

    @Test
    void anUnconfirmedClientConfirmedEitherWayIsAskedAboutNoMore() {
        revoked.unconfirmed(client, UPDATED);
        revoked.unconfirmed(other, UPDATED);
        revoked.revoke(client);
        revoked.restore(other);
        assertTrue(revoked.unconfirmed().isEmpty());
        assertTrue(refuses(client, UPDATED.plusSeconds(3600)));
        assertFalse(refuses(other, UPDATED));
    }

    @Test
    void requestsWaitUntilTheTopicIsReadToItsEnd() {
        RevokedClients starting = new RevokedClients(new SimpleMeterRegistry());
        starting.revoke(client);
        UniAssertSubscriber<Boolean> answer = starting.refuses(client.tenant(), client.id(), UPDATED)
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertNull(answer.getItem(), "no answer before the topic is read");
        starting.readToEnd();
        answer.awaitItem(Duration.ofSeconds(5)).assertItem(true);
    }

    @Test
    void requestsWaitNoLongerThanTheStartupWait() {
        RevokedClients starting = new RevokedClients(new SimpleMeterRegistry());
        starting.waitAtMost(Duration.ofMillis(200), "notifier-service.changes");
        assertFalse(starting.refuses(client.tenant(), client.id(), UPDATED).await().atMost(Duration.ofSeconds(5)));
    }
}
