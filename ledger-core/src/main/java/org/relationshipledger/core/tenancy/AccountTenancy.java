package org.relationshipledger.core.tenancy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Which tenant owns which account, in each service's own database ({@value #COLLECTION}). The service that opens
 * an account claims it for the caller's tenant; every other service learns the owner from the envelopes it
 * consumes. The first claim wins and never changes, so owners are cached without expiry. An account no one has
 * claimed belongs to the default tenant (data recorded before tenancy, single-tenant deployments). Account ids are
 * server-generated UUIDs, so one tenant cannot guess or pre-claim another's.
 */
public final class AccountTenancy {

    public static final String COLLECTION = "account_tenants";
    private static final String TENANT = "tenantId";

    private final MongoCollection<Document> owners;
    private final String defaultTenant;
    private final ConcurrentMap<String, String> known = new ConcurrentHashMap<>();

    public AccountTenancy(MongoDatabase database, String defaultTenant) {
        this.owners = database.getCollection(COLLECTION);
        this.defaultTenant = defaultTenant;
    }

    public String defaultTenant() {
        return defaultTenant;
    }

    /**
     * Records {@code tenantId} as the owner of {@code accountId} unless someone owns it already.
     *
     * @return true if {@code tenantId} owns the account now
     */
    public boolean claim(String accountId, String tenantId) {
        String owner = known.get(accountId);
        if (owner != null) {
            return owner.equals(tenantId);
        }
        try {
            owners.insertOne(new Document("_id", accountId).append(TENANT, tenantId));
            known.put(accountId, tenantId);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return ownerOf(accountId).map(tenantId::equals).orElse(false);
        }
    }

    /** The tenant that claimed the account, if any did. */
    public Optional<String> ownerOf(String accountId) {
        String owner = known.get(accountId);
        if (owner != null) {
            return Optional.of(owner);
        }
        Document found = owners.find(Filters.eq("_id", accountId)).first();
        if (found == null) {
            return Optional.empty();
        }
        owner = found.getString(TENANT);
        known.putIfAbsent(accountId, owner);
        return Optional.of(owner);
    }

    /** The tenant the account's data belongs to: its owner, or the default tenant if unclaimed. */
    public String tenantOf(String accountId) {
        return ownerOf(accountId).orElse(defaultTenant);
    }

    public boolean visibleTo(String accountId, String tenantId) {
        return tenantOf(accountId).equals(tenantId);
    }

    /** The subset of {@code accountIds} that {@code tenantId} may see, with one round trip for unknown owners. */
    public Set<String> visibleTo(Collection<String> accountIds, String tenantId) {
        Map<String, String> owner = new HashMap<>();
        List<String> unknown = accountIds.stream().filter(id -> {
            String cached = known.get(id);
            if (cached != null) {
                owner.put(id, cached);
            }
            return cached == null;
        }).distinct().toList();
        if (!unknown.isEmpty()) {
            for (Document found : owners.find(Filters.in("_id", unknown))) {
                String id = found.getString("_id");
                owner.put(id, found.getString(TENANT));
                known.putIfAbsent(id, found.getString(TENANT));
            }
        }
        return accountIds.stream()
                .filter(id -> owner.getOrDefault(id, defaultTenant).equals(tenantId))
                .collect(Collectors.toSet());
    }
}
