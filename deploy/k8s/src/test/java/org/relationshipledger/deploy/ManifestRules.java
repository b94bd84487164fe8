package org.relationshipledger.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The rules every rendered overlay must satisfy. Each returns its violations as
 * {@code Kind/name: what is wrong}; an empty list means the rule holds.
 */
final class ManifestRules {

    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String PROMETHEUS_PATH = "/actuator/prometheus";

    /**
     * DNS, the identity provider's keys over HTTPS, Kafka (Strimzi's plain internal listener) and MongoDB: all a
     * service may reach.
     */
    static final Set<Integer> ALLOWED_EGRESS_PORTS = Set.of(53, 443, 9092, 27017);

    private static final Pattern VERSION_TAG = Pattern.compile("v?[0-9]+\\.[0-9]+\\.[0-9]+([-.+][0-9A-Za-z.-]+)?");
    private static final Pattern SECRET_LIKE_KEY =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|api[-_]?key|private[-_]?key).*");
    private static final Pattern URI_WITH_CREDENTIALS = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@");

    private ManifestRules() {
    }

    static List<String> probes(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : containers(deployment)) {
                String where = id(deployment) + " container " + container.getName();
                probe(where, "liveness", container.getLivenessProbe(), LIVENESS_PATH, container, violations);
                probe(where, "readiness", container.getReadinessProbe(), READINESS_PATH, container, violations);
                if (container.getStartupProbe() == null) {
                    violations.add(where + ": no startupProbe, so a slow start is killed by the liveness probe");
                }
            }
        }
        return violations;
    }

    static List<String> resources(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : containers(deployment)) {
                String where = id(deployment) + " container " + container.getName();
                var resources = container.getResources();
                Map<String, Quantity> requests = resources == null ? Map.of() : orEmpty(resources.getRequests());
                Map<String, Quantity> limits = resources == null ? Map.of() : orEmpty(resources.getLimits());
                for (String resource : List.of("cpu", "memory")) {
                    if (!requests.containsKey(resource)) {
                        violations.add(where + ": no " + resource + " request");
                    }
                    if (!limits.containsKey(resource)) {
                        violations.add(where + ": no " + resource + " limit");
                    }
                }
            }
        }
        return violations;
    }

    static List<String> securityContexts(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(id(deployment) + ": mounts a service account token it never uses");
            }
            for (Container container : containers(deployment)) {
                String where = id(deployment) + " container " + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                // A container's own setting wins over the pod's, as in the kubelet.
                Boolean runAsNonRoot = either(context.getRunAsNonRoot(), podContext.getRunAsNonRoot());
                Long runAsUser = either(context.getRunAsUser(), podContext.getRunAsUser());
                var seccomp = either(context.getSeccompProfile(), podContext.getSeccompProfile());
                if (!Boolean.TRUE.equals(runAsNonRoot)) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                if (runAsUser != null && runAsUser == 0) {
                    violations.add(where + ": runs as uid 0");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": root filesystem is writable");
                } else if (orEmpty(container.getVolumeMounts()).stream().noneMatch(mount -> "/tmp".equals(mount.getMountPath()))) {
                    // The JVM's hsperfdata and Tomcat's work directory would fail on the read-only root.
                    violations.add(where + ": no writable volume at /tmp");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (context.getCapabilities() == null || !orEmpty(context.getCapabilities().getDrop()).contains("ALL")) {
                    violations.add(where + ": capabilities are not dropped (drop: [ALL])");
                }
                if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    violations.add(where + ": no RuntimeDefault seccomp profile");
                }
            }
        }
        return violations;
    }

    static List<String> images(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : containers(deployment)) {
                if (!isImmutable(container.getImage())) {
                    violations.add(id(deployment) + " container " + container.getName() + ": image " + container.getImage()
                            + " is not pinned by a version tag or digest");
                }
            }
        }
        return violations;
    }

    static boolean isImmutable(String image) {
        if (image == null) {
            return false;
        }
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        // A colon before the last slash is a registry port, not a tag.
        return colon > image.lastIndexOf('/') && VERSION_TAG.matcher(image.substring(colon + 1)).matches();
    }

    static List<String> serviceSelectors(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Service service : manifests.services()) {
            Map<String, String> selector = orEmpty(service.getSpec().getSelector());
            if (selector.isEmpty()) {
                violations.add(id(service) + ": no selector");
                continue;
            }
            List<Deployment> backends = manifests.deployments().stream()
                    .filter(deployment -> sameNamespace(service, deployment))
                    .filter(deployment -> podLabels(deployment).entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (backends.isEmpty()) {
                violations.add(id(service) + ": selector " + selector + " matches no Deployment's pods");
                continue;
            }
            for (ServicePort port : orEmpty(service.getSpec().getPorts())) {
                for (Deployment backend : backends) {
                    if (containerPort(backend, port.getTargetPort()).isEmpty()) {
                        violations.add(id(service) + ": targetPort " + text(port.getTargetPort())
                                + " is no container port of " + id(backend));
                    }
                }
            }
        }
        return violations;
    }

    /** Every ConfigMap or Secret (and key) a pod reads is rendered, or listed as operator-provided. */
    static List<String> references(Manifests manifests, OperatorProvided provided) {
        Map<String, Set<String>> configMaps = new HashMap<>(provided.configMaps());
        manifests.configMaps().forEach(map -> configMaps.put(map.getMetadata().getName(),
                keys(map.getData(), map.getBinaryData())));
        Map<String, Set<String>> secrets = new HashMap<>(provided.secrets());
        manifests.secrets().forEach(secret -> secrets.put(secret.getMetadata().getName(),
                keys(secret.getData(), secret.getStringData())));

        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : containers(deployment)) {
                String where = id(deployment) + " container " + container.getName();
                for (var env : orEmpty(container.getEnv())) {
                    var source = env.getValueFrom();
                    if (source == null) {
                        continue;
                    }
                    if (source.getConfigMapKeyRef() != null && !isTrue(source.getConfigMapKeyRef().getOptional())) {
                        requireKey(where, "ConfigMap", configMaps, source.getConfigMapKeyRef().getName(),
                                source.getConfigMapKeyRef().getKey(), violations);
                    }
                    if (source.getSecretKeyRef() != null && !isTrue(source.getSecretKeyRef().getOptional())) {
                        requireKey(where, "Secret", secrets, source.getSecretKeyRef().getName(),
                                source.getSecretKeyRef().getKey(), violations);
                    }
                }
                for (var envFrom : orEmpty(container.getEnvFrom())) {
                    if (envFrom.getConfigMapRef() != null && !isTrue(envFrom.getConfigMapRef().getOptional())) {
                        requireKey(where, "ConfigMap", configMaps, envFrom.getConfigMapRef().getName(), null, violations);
                    }
                    if (envFrom.getSecretRef() != null && !isTrue(envFrom.getSecretRef().getOptional())) {
                        requireKey(where, "Secret", secrets, envFrom.getSecretRef().getName(), null, violations);
                    }
                }
            }
            for (var volume : orEmpty(deployment.getSpec().getTemplate().getSpec().getVolumes())) {
                if (volume.getConfigMap() != null && !isTrue(volume.getConfigMap().getOptional())) {
                    volumeKeys(id(deployment), "ConfigMap", configMaps, volume.getConfigMap().getName(),
                            volume.getConfigMap().getItems(), violations);
                }
                if (volume.getSecret() != null && !isTrue(volume.getSecret().getOptional())) {
                    volumeKeys(id(deployment), "Secret", secrets, volume.getSecret().getSecretName(),
                            volume.getSecret().getItems(), violations);
                }
            }
        }
        return violations;
    }

    /** Every topic the sources name has a Strimzi KafkaTopic that keeps its events. */
    static List<String> topics(Manifests manifests, Set<String> topicNames) {
        List<String> violations = new ArrayList<>();
        for (String topic : topicNames) {
            List<JsonNode> declared = manifests.kafkaTopics().stream().filter(resource -> topic.equals(topicName(resource))).toList();
            if (declared.isEmpty()) {
                violations.add("topic " + topic + ": no KafkaTopic declares it");
            }
        }
        for (JsonNode resource : manifests.kafkaTopics()) {
            String where = "KafkaTopic/" + resource.path("metadata").path("name").asText();
            JsonNode spec = resource.path("spec");
            JsonNode config = spec.path("config");
            if (!"ledger".equals(resource.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                violations.add(where + ": not labelled strimzi.io/cluster: ledger, so no Topic Operator manages it");
            }
            if (spec.path("partitions").asInt(0) < 1) {
                violations.add(where + ": no partition count");
            }
            if (spec.path("replicas").asInt(0) < 3) {
                violations.add(where + ": fewer than 3 replicas");
            }
            if (config.path("min.insync.replicas").asInt(0) != 2) {
                violations.add(where + ": min.insync.replicas is not 2");
            }
            boolean compacted = "compact".equals(config.path("cleanup.policy").asText());
            boolean keptForever = config.path("retention.ms").asLong(0) == -1;
            if (!compacted && !keptForever) {
                violations.add(where + ": neither compacted nor retained forever (retention.ms: -1), so history expires");
            }
        }
        return violations;
    }

    /** Each service's pods are isolated both ways, and no rule opens more than DNS, Kafka and MongoDB. */
    static List<String> networkPolicies(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            List<NetworkPolicy> selecting = manifests.networkPolicies().stream()
                    .filter(policy -> sameNamespace(policy, deployment))
                    .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels(deployment)))
                    .toList();
            Set<String> types = new HashSet<>();
            selecting.forEach(policy -> types.addAll(orEmpty(policy.getSpec().getPolicyTypes())));
            if (!types.containsAll(Set.of("Ingress", "Egress"))) {
                violations.add(id(deployment) + ": no NetworkPolicy restricts both its ingress and egress (has " + types + ")");
            }
        }
        for (NetworkPolicy policy : manifests.networkPolicies()) {
            for (var rule : orEmpty(policy.getSpec().getIngress())) {
                if (orEmpty(rule.getFrom()).isEmpty()) {
                    violations.add(id(policy) + ": an ingress rule without 'from' admits every source");
                }
            }
            for (var rule : orEmpty(policy.getSpec().getEgress())) {
                if (orEmpty(rule.getTo()).isEmpty()) {
                    violations.add(id(policy) + ": an egress rule without 'to' reaches every destination");
                }
                if (orEmpty(rule.getPorts()).isEmpty()) {
                    violations.add(id(policy) + ": an egress rule without ports opens every port");
                }
                for (NetworkPolicyPort port : orEmpty(rule.getPorts())) {
                    if (port.getPort() == null || port.getPort().getIntVal() == null
                            || !ALLOWED_EGRESS_PORTS.contains(port.getPort().getIntVal()) || port.getEndPort() != null) {
                        violations.add(id(policy) + ": egress to port " + text(port.getPort())
                                + " is neither DNS, the identity provider, Kafka nor MongoDB");
                    }
                }
            }
        }
        return violations;
    }

    /** Credentials stay out of git: none in ConfigMaps, and no Secret with values among the manifests. */
    static List<String> noSecretValues(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (ConfigMap map : manifests.configMaps()) {
            orEmpty(map.getData()).forEach((key, value) -> {
                if (SECRET_LIKE_KEY.matcher(key).matches()) {
                    violations.add(id(map) + ": key " + key + " looks like a credential; put it in a Secret");
                }
                if (value != null && URI_WITH_CREDENTIALS.matcher(value).find()) {
                    violations.add(id(map) + ": key " + key + " holds a URI with a user and password; put it in a Secret");
                }
            });
        }
        for (Secret secret : manifests.secrets()) {
            if (!orEmpty(secret.getData()).isEmpty() || !orEmpty(secret.getStringData()).isEmpty()) {
                violations.add(id(secret) + ": carries values in git; list it in operator-provided.yaml instead");
            }
        }
        return violations;
    }

    /** Every Deployment scales by an HPA within sane bounds and is covered by a PodDisruptionBudget. */
    static List<String> scalingAndDisruption(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            List<HorizontalPodAutoscaler> autoscalers = manifests.autoscalers().stream()
                    .filter(hpa -> sameNamespace(hpa, deployment))
                    .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && deployment.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (autoscalers.size() != 1) {
                violations.add(id(deployment) + ": " + autoscalers.size() + " HorizontalPodAutoscalers instead of one");
            }
            for (HorizontalPodAutoscaler hpa : autoscalers) {
                int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
                if (min < 1 || min > hpa.getSpec().getMaxReplicas()) {
                    violations.add(id(hpa) + ": bounds " + min + ".." + hpa.getSpec().getMaxReplicas() + " are not 1 <= min <= max");
                }
            }
            if (deployment.getSpec().getReplicas() != null && !autoscalers.isEmpty()) {
                violations.add(id(deployment) + ": sets replicas, which every apply would reset under its HPA");
            }
            boolean covered = manifests.podDisruptionBudgets().stream()
                    .filter(pdb -> sameNamespace(pdb, deployment))
                    .anyMatch(pdb -> selects(pdb.getSpec().getSelector(), podLabels(deployment)));
            if (!covered) {
                violations.add(id(deployment) + ": no PodDisruptionBudget selects its pods");
            }
        }
        for (HorizontalPodAutoscaler hpa : manifests.autoscalers()) {
            boolean targetExists = manifests.deployments().stream()
                    .anyMatch(deployment -> sameNamespace(hpa, deployment)
                            && deployment.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName()));
            if (!targetExists) {
                violations.add(id(hpa) + ": scales " + hpa.getSpec().getScaleTargetRef().getName() + ", which is not rendered");
            }
        }
        return violations;
    }

    /**
     * The container listens where the service's own properties say ({@code server.port}), and the probes
     * and the Prometheus annotations ask there.
     */
    static List<String> ports(Manifests manifests, Function<String, Optional<Integer>> serverPort) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            Optional<Integer> expected = serverPort.apply(name);
            if (expected.isEmpty()) {
                violations.add(id(deployment) + ": no server.port in " + name + "/src/main/resources/" + name + ".properties");
                continue;
            }
            for (Container container : orEmpty(deployment.getSpec().getTemplate().getSpec().getContainers())) {
                Optional<Integer> http = orEmpty(container.getPorts()).stream()
                        .filter(port -> "http".equals(port.getName())).map(ContainerPort::getContainerPort).findFirst();
                if (!http.equals(expected)) {
                    violations.add(id(deployment) + " container " + container.getName() + ": port 'http' is "
                            + http.map(String::valueOf).orElse("missing") + " but server.port is " + expected.get());
                }
            }
            Map<String, String> annotations = orEmpty(deployment.getSpec().getTemplate().getMetadata().getAnnotations());
            if (!"true".equals(annotations.get("prometheus.io/scrape"))
                    || !PROMETHEUS_PATH.equals(annotations.get("prometheus.io/path"))
                    || !String.valueOf(expected.get()).equals(annotations.get("prometheus.io/port"))) {
                violations.add(id(deployment) + ": pods are not annotated for Prometheus to scrape "
                        + PROMETHEUS_PATH + " on " + expected.get());
            }
        }
        return violations;
    }

    private static void probe(String where, String kind, Probe probe, String path, Container container, List<String> violations) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(where + ": no HTTP " + kind + " probe");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": " + kind + " probe asks " + probe.getHttpGet().getPath() + " instead of " + path);
        }
        if (containerPort(container, probe.getHttpGet().getPort()).isEmpty()) {
            violations.add(where + ": " + kind + " probe port " + text(probe.getHttpGet().getPort()) + " is no container port");
        }
    }

    private static void requireKey(String where, String kind, Map<String, Set<String>> known, String name, String key,
                                   List<String> violations) {
        Set<String> keys = known.get(name);
        if (keys == null) {
            violations.add(where + ": reads " + kind + " " + name + ", which is neither rendered nor operator-provided");
        } else if (key != null && !keys.contains(key)) {
            violations.add(where + ": reads key " + key + " of " + kind + " " + name + ", which has only " + keys);
        }
    }

    private static void volumeKeys(String where, String kind, Map<String, Set<String>> known, String name,
                                   List<KeyToPath> items, List<String> violations) {
        requireKey(where, kind, known, name, null, violations);
        if (known.containsKey(name)) {
            orEmpty(items).forEach(item -> requireKey(where, kind, known, name, item.getKey(), violations));
        }
    }

    private static Optional<ContainerPort> containerPort(Deployment deployment, IntOrString port) {
        return containers(deployment).stream().map(container -> containerPort(container, port)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<ContainerPort> containerPort(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return orEmpty(container.getPorts()).stream()
                .filter(candidate -> port.getIntVal() != null
                        ? port.getIntVal().equals(candidate.getContainerPort())
                        : port.getStrVal().equals(candidate.getName()))
                .findFirst();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        // Expressions are not evaluated here; a selector using them counts as not matching, which errs strict.
        return orEmpty(selector.getMatchExpressions()).isEmpty()
                && labels.entrySet().containsAll(orEmpty(selector.getMatchLabels()).entrySet());
    }

    private static List<Container> containers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        return Stream.concat(orEmpty(pod.getInitContainers()).stream(), orEmpty(pod.getContainers()).stream()).toList();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return orEmpty(deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    private static Set<String> keys(Map<String, String> first, Map<String, String> second) {
        Set<String> keys = new TreeSet<>(orEmpty(first).keySet());
        keys.addAll(orEmpty(second).keySet());
        return keys;
    }

    private static String topicName(JsonNode kafkaTopic) {
        JsonNode explicit = kafkaTopic.path("spec").path("topicName");
        return explicit.isTextual() ? explicit.asText() : kafkaTopic.path("metadata").path("name").asText();
    }

    private static boolean sameNamespace(HasMetadata one, HasMetadata other) {
        return Objects.equals(one.getMetadata().getNamespace(), other.getMetadata().getNamespace());
    }

    private static String id(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }

    private static String text(IntOrString value) {
        return value == null ? "(none)" : value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    private static <T> T either(T own, T inherited) {
        return own != null ? own : inherited;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
