package org.relationshipledger.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests must agree with, read from the working tree rather than from installed jars, so
 * that a topic or port changed in a service breaks this build in the same commit.
 */
final class LedgerSources {

    /** The naming style of ledger-contracts: {@code ledger.<name>.v<revision>}. */
    static final Pattern TOPIC_NAME = Pattern.compile("\\bledger\\.[a-z][a-z0-9-]*\\.v[0-9]+\\b");
    private static final Pattern QUOTED_TOPIC_NAME = Pattern.compile("\"(" + TOPIC_NAME.pattern() + ")\"");

    static final Path TOPICS_SOURCE =
            Path.of("ledger-contracts/src/main/java/org/relationshipledger/contracts/Topics.java");

    private LedgerSources() {
    }

    static Path repository() {
        return Path.of(System.getProperty("ledger.repository", "../..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return repository().resolve("deploy/k8s");
    }

    /**
     * Topic names in the contracts' {@code Topics}, in any string literal of a module's main Java sources
     * (a listener that hard-codes a topic instead of using {@code Topics}), and in every module's properties.
     */
    static Set<String> topicNames() {
        Set<String> names = new TreeSet<>(topicNamesIn(read(repository().resolve(TOPICS_SOURCE))));
        for (Path module : modules()) {
            filesUnder(module.resolve("src/main/java"), ".java").forEach(file -> names.addAll(quotedTopicNamesIn(read(file))));
            filesUnder(module.resolve("src/main/resources"), ".properties").forEach(file -> names.addAll(topicNamesIn(read(file))));
        }
        return names;
    }

    static Set<String> topicNamesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = TOPIC_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** {@code server.port} from {@code <service>/src/main/resources/<service>.properties}, if that module exists. */
    static Optional<Integer> serverPort(String service) {
        Path file = repository().resolve(service).resolve("src/main/resources").resolve(service + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("server.port")).map(String::trim).map(Integer::valueOf);
    }

    static Set<String> quotedTopicNamesIn(String source) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = QUOTED_TOPIC_NAME.matcher(source);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<Path> modules() {
        try (Stream<Path> children = Files.list(repository())) {
            return children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
