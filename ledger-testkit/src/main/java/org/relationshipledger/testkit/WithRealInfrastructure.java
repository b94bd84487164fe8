package org.relationshipledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Kafka broker and a real MongoDB-wire server, shared by every test class in
 * the JVM. See {@link RealInfrastructure} for how they are chosen and {@link RealInfrastructureExtension} for the
 * system properties a later {@code @SpringBootTest} picks up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(RealInfrastructureExtension.class)
public @interface WithRealInfrastructure {
}
