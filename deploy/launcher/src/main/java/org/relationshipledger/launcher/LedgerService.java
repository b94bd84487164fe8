package org.relationshipledger.launcher;

import org.relationshipledger.analytics.AnalyticsApplication;
import org.relationshipledger.contacts.ContactsApplication;
import org.relationshipledger.engagement.EngagementApplication;
import org.relationshipledger.mapping.MappingApplication;

/** The four services, in start order; the port of each is its position after the launcher's port base. */
enum LedgerService {

    CONTACTS("contacts-service", ContactsApplication.class),
    MAPPING("mapping-service", MappingApplication.class),
    ENGAGEMENT("engagement-service", EngagementApplication.class),
    ANALYTICS("analytics-service", AnalyticsApplication.class);

    private final String serviceName;
    private final Class<?> application;

    LedgerService(String serviceName, Class<?> application) {
        this.serviceName = serviceName;
        this.application = application;
    }

    String serviceName() {
        return serviceName;
    }

    Class<?> application() {
        return application;
    }
}
