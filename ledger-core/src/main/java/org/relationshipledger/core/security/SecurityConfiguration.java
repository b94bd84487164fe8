package org.relationshipledger.core.security;

import static org.relationshipledger.core.security.LedgerRole.ADMIN;
import static org.relationshipledger.core.security.LedgerRole.AUDITOR;
import static org.relationshipledger.core.security.LedgerRole.EDITOR;
import static org.relationshipledger.core.security.LedgerRole.VIEWER;

import java.util.List;


import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.relationshipledger.core.web.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service API needs an OAuth2 JWT (issuer and keys by configuration: Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}); health probes, Prometheus and the OpenAPI documents do
 * not. Roles come from the token's {@code roles} claim and the tenant from its {@code tenant} claim (names
 * configurable). Stateless: no session, no CSRF token (no cookies are used), refusals are problem+json.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    private static final String BEARER = "bearer-jwt";

    private static final String[] OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ObjectProvider<AccessRule> serviceRules,
                                       @Value("${ledger.security.tenant-claim:tenant}") String tenantClaim,
                                       @Value("${ledger.security.roles-claim:roles}") String rolesClaim)
            throws Exception {
        List<AccessRule> rules = serviceRules.orderedStream().toList();
        SecurityProblems problems = new SecurityProblems();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new LedgerTokenConverter(tenantClaim, rolesClaim))))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN).permitAll();
                    for (AccessRule rule : rules) {
                        String[] roles = LedgerRole.names(rule.roles().toArray(LedgerRole[]::new));
                        if (rule.method() == null) {
                            requests.requestMatchers(rule.pattern()).hasAnyRole(roles);
                        } else {
                            requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(roles);
                        }
                    }
                    requests.requestMatchers("/audit/**").hasAnyRole(LedgerRole.names(AUDITOR, ADMIN));
                    String[] readers = LedgerRole.names(VIEWER, EDITOR, AUDITOR, ADMIN);
                    requests.requestMatchers(HttpMethod.GET, "/**").hasAnyRole(readers);
                    requests.requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(readers);
                    requests.requestMatchers(HttpMethod.OPTIONS, "/**").hasAnyRole(readers);
                    requests.anyRequest().hasAnyRole(LedgerRole.names(EDITOR, ADMIN));
                });
        return http.build();
    }

    /**
     * Spring Security's firewall refuses paths with encoded dots, slashes, percent signs or line breaks before any
     * handler runs; answer that as problem+json 400 rather than Boot's JSON error page.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                "The request path is not allowed (encoded separators, dots or control characters).");
    }

    /** The OpenAPI documents say every operation needs a bearer JWT, so the Swagger UI offers "Authorize". */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An OAuth2 JWT with a 'tenant' claim and 'roles' (viewer, editor, auditor, admin)."));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
