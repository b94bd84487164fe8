package org.relationshipledger.mapping.infrastructure;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Axon's cache contract over a Caffeine cache holding at most {@code maximumEntries} entries by strong reference,
 * least recently used first out, with soft values so memory pressure can still reclaim them. Axon's own
 * {@code WeakReferenceCache} loses an entry at the first garbage collection after the command that put it, so a
 * busy account map was replayed from the store again and again (ADR 0026).
 */
final class BoundedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    BoundedCache(long maximumEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumEntries).softValues().build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    /** Only aggregate repositories use this cache, and they register no listeners. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the account map cache does not notify entry listeners");
    }
}
