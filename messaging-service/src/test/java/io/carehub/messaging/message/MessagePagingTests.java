package io.carehub.messaging.message;

import static io.carehub.messaging.TestApi.createConversation;
import static io.carehub.messaging.TestApi.createMessage;
import static io.carehub.messaging.TestApi.inboundBody;
import static io.carehub.messaging.TestApi.messageBody;
import static io.carehub.messaging.TestApi.patient;
import static io.carehub.messaging.TestApi.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.FindPages;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §3: the messages of one conversation, paged loss-free over (updated_at, id), also while it grows. */
@QuarkusTest
class MessagePagingTests {

    private static final Logger LOG = Logger.getLogger(MessagePagingTests.class);
    static final int MESSAGES = 1_000;
    static final int PAGE_SIZE = 7;

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("paging");
    final String all = TestTokens.token(tenant, "all");
    final String user = patient(tenant);
    final String worker = worker(tenant);

    @Test
    void aThousandMessagesOfOneConversationComeOnceEachInUpdatedAtIdOrderSevenAPage() throws Exception {
        String conversation = createConversation(all, user);
        seed(conversation, MESSAGES);
        // Noise: another conversation of the same patient, which the filter leaves out.
        String other = createConversation(all, user);
        List<String> others = seed(other, 20);
        // A third of them share one updated_at, as a bulk import would leave them: the keyset's id breaks the tie.
        pool.preparedQuery("UPDATE messages SET updated_at = '2024-01-01T00:00:00.123456Z' WHERE tenant = $1"
                + " AND id IN (SELECT id FROM messages WHERE tenant = $1 ORDER BY random() LIMIT 350)")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10));
        List<String> expected = idsInOrder(conversation);
        assertEquals(MESSAGES, expected.size());

        FindPages.Walk walk = FindPages.walk(all, "/v1/messages?conversation_id=" + conversation + "&page[size]=" + PAGE_SIZE,
                PAGE_SIZE);
        assertEquals(expected, walk.ids(), "each message once, in (updated_at, id) order");
        assertEquals(MESSAGES, new HashSet<>(walk.ids()).size());
        assertEquals((MESSAGES + PAGE_SIZE - 1) / PAGE_SIZE, walk.pages());
        assertTrue(Collections.disjoint(walk.ids(), others), "only the conversation's messages");
    }

    @Test
    void aWalkWhileMessagesAreAddedYieldsEveryEarlierMessageOnceAndNoneTwice() throws Exception {
        String conversation = createConversation(all, user);
        // Seeded in SQL (the test above makes its thousand through the API): what is under test is the walk, while
        // the writer below adds through the API.
        List<String> before = seedInSql(conversation, MESSAGES);
        Set<String> earlier = new HashSet<>(before);
        ConcurrentLinkedQueue<String> added = new ConcurrentLinkedQueue<>();
        AtomicBoolean walking = new AtomicBoolean(true);
        // A writer adding to the conversation all through the walk.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (walking.get()) {
                added.add(createMessage(all, inboundBody(user, conversation)));
            }
        });
        FindPages.Walk walk;
        try {
            walk = FindPages.walk(all, "/v1/messages?conversation_id=" + conversation + "&page[size]=" + PAGE_SIZE, PAGE_SIZE);
        } finally {
            walking.set(false);
        }
        writer.get(60, TimeUnit.SECONDS);
        LOG.infof("walked %d pages (%d messages) while %d messages were added", walk.pages(), walk.ids().size(), added.size());

        List<String> seen = walk.ids();
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no message twice");
        assertTrue(seen.containsAll(earlier), "every message made before the walk");
        assertTrue(added.size() > 0, "messages were added during the walk");
        Set<String> late = new HashSet<>(seen);
        late.removeAll(earlier);
        assertTrue(added.containsAll(late), "nothing but the conversation's messages");
        List<String> inOrder = idsInOrder(conversation);
        inOrder.retainAll(new HashSet<>(seen));
        assertEquals(inOrder, seen, "in (updated_at, id) order");
        // What was added during the walk is where a walker resumes: after the last item it saw.
        String last = seen.get(seen.size() - 1);
        List<String> everything = idsInOrder(conversation);
        assertEquals(everything.subList(0, everything.indexOf(last) + 1), seen, "the walk is a prefix of the conversation: no gap");
    }

    /** {@code n} messages of the conversation, made through the API by four clients at once; their ids. */
    private List<String> seed(String conversation, int n) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean outbound = i % 2 == 0;
                made.add(clients.submit(() -> createMessage(all,
                        outbound ? messageBody(user, conversation, worker) : inboundBody(user, conversation))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : made) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** {@code n} inbound messages of the conversation written an hour ago, a microsecond apart; their ids. */
    private List<String> seedInSql(String conversation, int n) {
        List<String> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                INSERT INTO messages (id, tenant, environment, user_id, conversation_id, direction, contents, automatically_sent,
                                      send_time, created_at, updated_at)
                SELECT gen_random_uuid(), $1, 'live', $2, $3, 'inbound', 'seeded ' || i, false, now() - interval '1 hour',
                       now() - interval '1 hour', now() - interval '1 hour' + i * interval '1 microsecond'
                FROM generate_series(1, $4) AS i RETURNING id""")
                .execute(Tuple.of(tenant, UUID.fromString(user), UUID.fromString(conversation), n))
                .await().atMost(Duration.ofSeconds(30))) {
            ids.add(row.getUUID("id").toString());
        }
        return ids;
    }

    private List<String> idsInOrder(String conversation) {
        List<String> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id FROM messages WHERE tenant = $1 AND conversation_id = $2"
                + " ORDER BY updated_at, id").execute(Tuple.of(tenant, UUID.fromString(conversation)))
                .await().atMost(Duration.ofSeconds(10))) {
            ids.add(row.getUUID("id").toString());
        }
        return ids;
    }
}
