/**
 * The published language of the Relationship Ledger: integration events, their wire names and
 * revisions, the topics that carry them and the envelope headers around them. Services translate
 * their own domain events into these records in their {@code integration} package and never share
 * domain classes. This package depends on the JDK and jackson-annotations only, so any consumer can
 * take it without taking our stack.
 */
package org.relationshipledger.contracts;
