package org.relationshipledger.contacts.infrastructure;

import java.util.Optional;

import org.relationshipledger.contacts.contact.ContactProjection;
import org.relationshipledger.contacts.contact.ContactView;
import org.relationshipledger.core.security.AccessRule;
import org.relationshipledger.core.security.LedgerRole;
import org.relationshipledger.core.tenancy.ResourceOwner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may erase (admins only), and which account a contact id belongs to, for the tenant guard (ADR 0060). */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRule erasureNeedsAnAdmin() {
        return AccessRule.of(HttpMethod.POST, "/contacts/*/erasure", LedgerRole.ADMIN);
    }

    @Bean
    ResourceOwner contactsAccount(ContactProjection contacts) {
        return new ResourceOwner("contactId", "contact",
                contactId -> contacts.view(contactId).map(ContactView::homeAccountId).flatMap(Optional::ofNullable));
    }
}
