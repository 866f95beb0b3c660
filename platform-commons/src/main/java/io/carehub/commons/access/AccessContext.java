package io.carehub.commons.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the caller's roles allow, for this request, once its endpoint has read them ({@link AccessDefinitions}): where
 * service logic needs it (a locked encounter changed by a client whose role allows {@code update_completed},
 * API-CORE.md §C8, §C9).
 */
// Looked up where no bean injects it (CollectionEndpoints): kept though unused by injection.
@io.quarkus.arc.Unremovable
@RequestScoped
public class AccessContext {

    private Access current = Access.UNRESTRICTED;

    public Access current() {
        return current;
    }

    /** Records {@code access} as this request's. */
    public void record(Access access) {
        this.current = access;
    }
}
