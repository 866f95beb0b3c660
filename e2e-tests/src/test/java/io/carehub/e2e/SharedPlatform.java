package io.carehub.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one {@link Platform} of the module's test run, shared by every test class that extends with this: a start
 * ({@code deploy/local/up}, five services, a broker, a PostgreSQL) costs some 40 s of a 2-core machine, so it is
 * started once, by the first class that needs it, kept in the root context's store and closed — {@code
 * deploy/local/down}, PostgreSQL stopped — when the whole run ends (JUnit closes a store's {@link AutoCloseable}
 * values). A class run alone ({@code -Dtest=FaultsTests}) starts it all the same.
 * <p>
 * Every class after the first gets the platform back whole ({@link Platform#restore}): a fault an earlier class left
 * behind (a notifier killed, an instance added) is undone before the class starts, not inherited by its figures.
 * The classes' order is {@code @Order} ({@code junit-platform.properties}): the faults last.
 * <p>
 * A test class takes the platform as a parameter of its {@code @BeforeAll} method.
 */
final class SharedPlatform implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean[] startedNow = {false};
        Platform platform = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Platform.class, key -> {
            startedNow[0] = true;
            try {
                return Platform.start();
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start", e);
            }
        }, Platform.class);
        if (!startedNow[0]) {
            Platform.log("%s: the platform of an earlier class, made whole again", context.getDisplayName());
            platform.restore();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Platform platform = context.getRoot().getStore(NAMESPACE).get(Platform.class, Platform.class);
        if (platform == null) {
            throw new ParameterResolutionException(
                    "no platform: SharedPlatform starts it before the class's @BeforeAll");
        }
        return platform;
    }
}
