package org.relationshipledger.launcher.demo;

import java.net.URI;

/** Where the four services answer; the demo data goes in through these public APIs only. */
public record DemoEndpoints(URI contacts, URI mapping, URI engagement, URI analytics) {
}
