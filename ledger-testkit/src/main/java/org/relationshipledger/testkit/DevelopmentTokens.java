package org.relationshipledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A development signing key and the tokens it signs, for the local launcher and the tests: the services
 * verify them exactly as they verify an identity provider's tokens, given the public key's location
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}). Never used in a deployment.
 */
public final class DevelopmentTokens {

    /** Every role a ledger token can carry. */
    public static final List<String> ALL_ROLES = List.of("viewer", "editor", "auditor", "admin");
    /** Tenant of single-tenant data and of the default test token. */
    public static final String DEFAULT_TENANT = "default";
    public static final String ISSUER = "https://relationship-ledger.local/dev";

    private static final String PRIVATE_KEY = "dev-signing-key.pk8";
    private static final String PUBLIC_KEY = "dev-signing-key.pub.pem";

    private static DevelopmentTokens forTests;

    private final NimbusJwtEncoder encoder;
    private final Path publicKeyFile;

    private DevelopmentTokens(KeyPair keys, Path publicKeyFile) {
        this.publicKeyFile = publicKeyFile;
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID("ledger-dev").build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(jwk)));
    }

    /** One key per test JVM, its public half in a temporary file. */
    public static synchronized DevelopmentTokens forTests() {
        if (forTests == null) {
            try {
                Path directory = Files.createTempDirectory("ledger-test-keys");
                directory.toFile().deleteOnExit();
                forTests = in(directory);
                forTests.publicKeyFile.toFile().deleteOnExit();
                directory.resolve(PRIVATE_KEY).toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forTests;
    }

    /** The key kept in {@code directory}, created there on first use (the launcher keeps it under ./data). */
    public static DevelopmentTokens in(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve(PRIVATE_KEY);
            Path publicFile = directory.resolve(PUBLIC_KEY);
            KeyPair keys = Files.exists(privateFile) && Files.exists(publicFile)
                    ? read(privateFile, publicFile)
                    : write(privateFile, publicFile);
            return new DevelopmentTokens(keys, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the development signing key in " + directory, e);
        }
    }

    /** Value for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** A signed token for {@code subject} of {@code tenant} (none if null) with {@code roles}, valid for {@code lifetime}. */
    public String mint(String subject, String tenant, List<String> roles, Duration lifetime) {
        Instant expiresAt = Instant.now().plus(lifetime);
        // A negative lifetime mints an already expired token (for tests), issued an hour before it expired.
        Instant issuedAt = lifetime.isNegative() ? expiresAt.minus(Duration.ofHours(1)) : Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("roles", roles);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("ledger-dev").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** A token of {@code tenant} with the given roles, valid for an hour. */
    public String mint(String tenant, String... roles) {
        return mint("test-user", tenant, List.of(roles), Duration.ofHours(1));
    }

    /** What tests send unless they say otherwise: the default tenant with every role. */
    public String defaultToken() {
        return mint("test-user", DEFAULT_TENANT, ALL_ROLES, Duration.ofHours(12));
    }

    private static KeyPair write(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.write(privateFile, keys.getPrivate().getEncoded());
        Files.writeString(publicFile, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        return keys;
    }

    private static KeyPair read(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        String pem = Files.readString(publicFile, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))),
                rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
    }
}
