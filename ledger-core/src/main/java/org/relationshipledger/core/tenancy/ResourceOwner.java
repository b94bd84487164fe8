package org.relationshipledger.core.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to find the account of a resource addressed by its own id, e.g. {@code /contacts/{contactId}}, so the
 * tenant guard can answer 404 for another tenant's resource. Declare one bean per path variable.
 *
 * @param pathVariable the URI template variable, e.g. {@code contactId}
 * @param noun         what the id names, for the 404 message ("no contact …")
 * @param accountOf    the account of the resource, empty if there is no such resource (the controller answers)
 */
public record ResourceOwner(String pathVariable, String noun, Function<String, Optional<String>> accountOf) {

    public ResourceOwner {
        Objects.requireNonNull(pathVariable, "pathVariable");
        Objects.requireNonNull(noun, "noun");
        Objects.requireNonNull(accountOf, "accountOf");
    }
}
