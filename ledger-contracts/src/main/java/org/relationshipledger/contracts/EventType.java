package org.relationshipledger.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire identity of an event: a stable name and revision that survive class moves and renames.
 * Used for integration events here and for each service's stored domain events.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Context-qualified name, e.g. {@code mapping.RelationshipChanged}. Never a Java class name. */
    String name();

    /** Bumped on any change other than adding an optional field; old revisions are upcast. */
    int revision() default 1;
}
