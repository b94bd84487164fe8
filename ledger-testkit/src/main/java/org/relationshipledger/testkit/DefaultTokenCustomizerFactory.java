package org.relationshipledger.testkit;

import java.util.List;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Every Spring test context gets a {@link RestTemplateCustomizer} that sends the default test token (tenant
 * {@code default}, every role) on requests that carry no {@code Authorization} header, so {@code TestRestTemplate}
 * talks to the secured services like an authorised client. Tests of authentication and tenancy set their own
 * header, which wins.
 */
public final class DefaultTokenCustomizerFactory implements ContextCustomizerFactory {

    private static final boolean BOOT_WEB_CLIENT =
            ClassUtils.isPresent("org.springframework.boot.web.client.RestTemplateCustomizer", null)
                    && ClassUtils.isPresent("org.springframework.web.client.RestTemplate", null);

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return BOOT_WEB_CLIENT ? new DefaultToken() : null;
    }

    private static final class DefaultToken implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            String bearer = "Bearer " + DevelopmentTokens.forTests().defaultToken();
            RestTemplateCustomizer customizer = template -> template.getInterceptors().add((request, body, execution) -> {
                if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer);
                }
                return execution.execute(request, body);
            });
            context.getBeanFactory().registerSingleton("ledgerTestDefaultToken", customizer);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DefaultToken;
        }

        @Override
        public int hashCode() {
            return DefaultToken.class.hashCode();
        }
    }
}
