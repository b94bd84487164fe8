package org.relationshipledger.engagement;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextVault;

/**
 * A vault for aggregate fixtures, which run without a database: its "sealing" is a fixed, readable encoding, so
 * expected events can be written down; the real sealing is {@code TinkTextVaultTest}'s business.
 */
public final class InMemoryTextVault implements TextVault {

    private static final String PREFIX = "test-sealed:";

    private final Map<String, Set<String>> involved = new HashMap<>();
    private final Set<String> destroyed = new HashSet<>();

    /** What this vault seals {@code text} to under {@code keyId}. */
    public static SealedText sealed(String keyId, String text) {
        return text == null ? null : new SealedText(keyId, PREFIX + text, null);
    }

    public InMemoryTextVault destroyed(String keyId) {
        destroyed.add(keyId);
        return this;
    }

    public Set<String> contactsInvolvedIn(String keyId) {
        return involved.getOrDefault(keyId, Set.of());
    }

    @Override
    public Optional<SealedText> seal(String keyId, Collection<String> contactIds, String text) {
        if (destroyed.contains(keyId)) {
            return Optional.empty();
        }
        involved.computeIfAbsent(keyId, id -> new LinkedHashSet<>()).addAll(contactIds);
        return Optional.of(sealed(keyId, text));
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        if (destroyed.contains(sealed.keyId())) {
            return Optional.empty();
        }
        return Optional.of(sealed.clear() != null ? sealed.clear() : sealed.ciphertext().substring(PREFIX.length()));
    }

    @Override
    public Set<String> destroyKeysInvolving(String contactId, Collection<String> alsoKeyIds) {
        Set<String> keyIds = new LinkedHashSet<>(alsoKeyIds);
        involved.forEach((keyId, contacts) -> {
            if (contacts.contains(contactId)) {
                keyIds.add(keyId);
            }
        });
        destroyed.addAll(keyIds);
        return keyIds;
    }
}
