package org.relationshipledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer does what kustomize does for the fields the overlays use, and refuses all others. */
class KustomizeTest {

    @TempDir
    Path directory;

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              LEVEL: info
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: other
            data:
              LEVEL: info
            """;

    @Test
    void rendersResourcesFromFilesAndDirectoriesIntoTheNamespaceWhichNamesTheNamespaceObject() throws IOException {
        write("base/settings.yaml", CONFIG_MAP);
        write("base/kustomization.yaml", "resources: [settings.yaml]\n");
        write("overlay/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: placeholder\n");
        write("overlay/kustomization.yaml", "namespace: team\nresources: [namespace.yaml, ../base]\n");

        List<ObjectNode> rendered = Kustomize.build(directory.resolve("overlay"));

        assertThat(rendered).extracting(resource -> resource.at("/metadata/name").asText())
                .containsExactly("team", "settings", "other");
        assertThat(rendered.get(0).at("/metadata/namespace").isMissingNode()).isTrue();
        assertThat(rendered.subList(1, 3)).allSatisfy(resource -> assertThat(resource.at("/metadata/namespace").asText()).isEqualTo("team"));
    }

    @Test
    void appliesAJsonPatchOnlyToItsTarget() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", """
                resources: [settings.yaml]
                patches:
                  - target:
                      kind: ConfigMap
                      name: settings
                    patch: |-
                      - op: replace
                        path: /data/LEVEL
                        value: debug
                      - op: add
                        path: /data/FORMAT
                        value: ecs
                """);

        List<ObjectNode> rendered = Kustomize.build(directory);

        assertThat(rendered.get(0).at("/data").toString()).isEqualTo("{\"LEVEL\":\"debug\",\"FORMAT\":\"ecs\"}");
        assertThat(rendered.get(1).at("/data").toString()).isEqualTo("{\"LEVEL\":\"info\"}");
    }

    @Test
    void refusesFieldsItDoesNotRender() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", "resources: [settings.yaml]\ncommonLabels:\n  team: ledger\n");

        assertThatThrownBy(() -> Kustomize.build(directory))
                .isInstanceOf(Kustomize.UnsupportedKustomization.class).hasMessageContaining("'commonLabels'");
    }

    @Test
    void refusesStrategicMergePatches() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", """
                resources: [settings.yaml]
                patches:
                  - target: {kind: ConfigMap}
                    patch: |-
                      data:
                        LEVEL: debug
                """);

        assertThatThrownBy(() -> Kustomize.build(directory)).hasMessageContaining("strategic-merge patches are not rendered");
    }

    @Test
    void refusesAPatchTargetMatchingNothing() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", """
                resources: [settings.yaml]
                patches:
                  - target: {kind: Deployment}
                    patch: |-
                      - op: remove
                        path: /spec/replicas
                """);

        assertThatThrownBy(() -> Kustomize.build(directory)).hasMessageContaining("matches no resource");
    }

    @Test
    void refusesToReplaceAPathTheBaseDoesNotHave() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", """
                resources: [settings.yaml]
                patches:
                  - target: {kind: ConfigMap, name: other}
                    patch: |-
                      - op: replace
                        path: /data/LEVL
                        value: debug
                """);

        assertThatThrownBy(() -> Kustomize.build(directory)).hasMessageContaining("/data/LEVL does not exist");
    }

    @Test
    void refusesAResourceDeclaredTwice() throws IOException {
        write("settings.yaml", CONFIG_MAP);
        write("kustomization.yaml", "resources: [settings.yaml, settings.yaml]\n");

        assertThatThrownBy(() -> Kustomize.build(directory)).hasMessageContaining("ConfigMap/settings is declared twice");
    }

    @Test
    void prodPatchesAnalyticsMemoryWithoutTouchingTheOtherServices() {
        Manifests prod = OverlaysTest.render("prod");

        assertThat(prod.resource("Deployment", "analytics-service").at("/spec/template/spec/containers/0/resources/limits/memory").asText())
                .isEqualTo("1536Mi");
        assertThat(prod.resource("Deployment", "contacts-service").at("/spec/template/spec/containers/0/resources/limits/memory").asText())
                .isEqualTo("1Gi");
    }

    private void write(String file, String text) throws IOException {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
