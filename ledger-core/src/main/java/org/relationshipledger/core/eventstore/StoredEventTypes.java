package org.relationshipledger.core.eventstore;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.relationshipledger.contracts.EventType;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What a service may store: every {@link EventType} class in its own packages. The serializer registers exactly
 * these, and each service's translator test checks that every one of them is published — one rule for both.
 */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    public static List<Class<?>> in(Collection<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        ClassLoader loader = StoredEventTypes.class.getClassLoader();
        // The published language is registered from its catalog; a scan would also find test copies.
        String publishedLanguage = EventType.class.getPackageName();
        return packages.stream().flatMap(basePackage -> scanner.findCandidateComponents(basePackage).stream())
                .map(definition -> ClassUtils.resolveClassName(Objects.requireNonNull(definition.getBeanClassName()),
                        loader))
                .<Class<?>>map(type -> type)
                .filter(type -> !type.getPackageName().startsWith(publishedLanguage))
                .toList();
    }

    public static List<Class<?>> in(String basePackage) {
        return in(List.of(basePackage));
    }
}
