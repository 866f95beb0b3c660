package io.carehub.notifier.pending;

import java.lang.reflect.Proxy;

import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.delivery.Dispatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Change consumers of their own for tests that play a notifier instance, or restart one. */
public final class Consumers {

    private Consumers() {
    }

    /** A consumer with the application's settings, but running, that wakes {@code dispatcher}. */
    public static ChangeConsumer create(WebhooksConfig config, String bootstrapServers, PendingRanges pending,
            Dispatcher dispatcher) {
        WebhooksConfig.Consumer running = (WebhooksConfig.Consumer) Proxy.newProxyInstance(
                WebhooksConfig.Consumer.class.getClassLoader(), new Class<?>[] { WebhooksConfig.Consumer.class },
                (proxy, method, args) -> "enabled".equals(method.getName()) ? Boolean.TRUE : method.invoke(config.consumer(), args));
        WebhooksConfig settings = (WebhooksConfig) Proxy.newProxyInstance(WebhooksConfig.class.getClassLoader(),
                new Class<?>[] { WebhooksConfig.class },
                (proxy, method, args) -> "consumer".equals(method.getName()) ? running : method.invoke(config, args));
        return new ChangeConsumer(settings, bootstrapServers, pending, dispatcher, new SimpleMeterRegistry());
    }

    public static void start(ChangeConsumer consumer) {
        consumer.start(null);
    }

    public static void stop(ChangeConsumer consumer) throws InterruptedException {
        consumer.stop(null);
    }
}
