package ir.sarkhat.localstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in {@code deploy/k8s} agree with themselves and with the services: probes
 * hit the health groups on a port the container declares (the one the service listens on), services
 * and autoscalers point at real deployments, every referenced ConfigMap or Secret key exists, every
 * container has requests and limits. The overlays are also built with {@code kubectl kustomize} where
 * kubectl is installed.
 */
class DeployManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("deploy/k8s/base");
    private static final Set<String> SERVICES = Set.of("gateway", "article-service", "comment-service", "analytics-service");

    private static final List<Map<String, Object>> objects = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object doc : new Yaml().loadAll(in)) {
                        if (doc != null) {
                            objects.add(map(doc));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyServiceHasADeploymentAndAServiceOnThePortItListensOn() throws IOException {
        assertThat(names("Deployment")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(names("Service")).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> container = container(name);
            assertThat(containerPort(container, "http")).as(name + " http port").isEqualTo(serverPort(name));
            Map<String, Object> service = byName("Service", name);
            Map<String, Object> pod = map(map(map(byName("Deployment", name).get("spec")).get("template")).get("metadata"));
            assertThat(map(pod.get("labels"))).as(name + " pods carry the service's selector")
                    .containsAllEntriesOf(stringMap(map(service.get("spec")).get("selector")));
            for (Object port : list(map(service.get("spec")).get("ports"))) {
                assertThat(containerPort(container, String.valueOf(map(port).get("targetPort"))))
                        .as(name + " service targetPort").isPositive();
            }
        }
    }

    @Test
    void probesUseTheHealthGroupsOnTheActuatorPort() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> container = container(name);
            int actuatorPort = name.equals("gateway") ? gatewayManagementPort() : serverPort(name);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                String expected = probe.equals("readinessProbe") ? "/actuator/health/readiness" : "/actuator/health/liveness";
                assertThat(get.get("path")).as(name + " " + probe).isEqualTo(expected);
                assertThat(containerPort(container, String.valueOf(get.get("port")))).as(name + " " + probe + " port")
                        .isEqualTo(actuatorPort);
            }
            Map<String, Object> annotations = map(map(map(map(byName("Deployment", name).get("spec")).get("template"))
                    .get("metadata")).get("annotations"));
            assertThat(annotations.get("prometheus.io/port")).as(name + " scrape port").isEqualTo(String.valueOf(actuatorPort));
            assertThat(annotations.get("prometheus.io/path")).isEqualTo("/actuator/prometheus");
        }
        assertThat(list(map(byName("Service", "gateway").get("spec")).get("ports")))
                .as("the gateway's Service publishes the site, not its management port").hasSize(1);
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        for (String name : SERVICES) {
            Map<String, Object> resources = map(container(name).get("resources"));
            assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(name).containsKeys("memory");
        }
    }

    @Test
    void onlyTheStatelessServicesAutoscaleAndTheyTargetRealDeployments() {
        List<String> targets = objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind")))
                .map(o -> String.valueOf(map(map(o.get("spec")).get("scaleTargetRef")).get("name"))).toList();
        assertThat(targets).containsExactlyInAnyOrder("gateway", "article-service");
        assertThat(names("Deployment")).containsAll(targets);
    }

    @Test
    void everyReferencedConfigMapAndSecretKeyExists() {
        Map<String, Set<String>> configMaps = keys("ConfigMap", "data");
        Map<String, Set<String>> secrets = keys("Secret", "stringData");
        List<String> references = new ArrayList<>();
        for (String name : SERVICES) {
            for (Object env : list(container(name).get("env"))) {
                Map<String, Object> from = map(map(env).get("valueFrom"));
                from.forEach((kind, ref) -> {
                    Map<String, Object> r = map(ref);
                    Map<String, Set<String>> pool = kind.equals("configMapKeyRef") ? configMaps : secrets;
                    references.add(kind + " " + r.get("name") + "/" + r.get("key"));
                    assertThat(pool.getOrDefault(String.valueOf(r.get("name")), Set.of()))
                            .as(name + " " + kind + " " + r).contains(String.valueOf(r.get("key")));
                });
            }
        }
        assertThat(references).anyMatch(r -> r.startsWith("secretKeyRef sarkhat-secrets/mongodb-uri-"))
                .anyMatch(r -> r.equals("configMapKeyRef sarkhat-config/kafka-bootstrap-servers"));
    }

    @Test
    void theOverlaysBuildWithKubectlKustomize() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl"),
                "kubectl is not installed: the manifests were checked structurally only");
        for (Path dir : List.of(BASE, ROOT.resolve("deploy/k8s/overlays/production"))) {
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
            String output = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kustomize.exitValue()).as(output).isZero();
            assertThat(output).contains("kind: Deployment", "kind: HorizontalPodAutoscaler");
        }
    }

    // --- reading the manifests and the services' own configuration ---

    private static List<String> names(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")))
                .map(o -> String.valueOf(map(o.get("metadata")).get("name"))).toList();
    }

    private static Map<String, Object> byName(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> container(String deployment) {
        Map<String, Object> pod = map(map(map(byName("Deployment", deployment).get("spec")).get("template")).get("spec"));
        return map(list(pod.get("containers")).get(0));
    }

    /** The containerPort named {@code nameOrNumber} (or equal to it); -1 when the container has none. */
    private static int containerPort(Map<String, Object> container, String nameOrNumber) {
        for (Object port : list(container.get("ports"))) {
            Map<String, Object> p = map(port);
            if (nameOrNumber.equals(p.get("name")) || nameOrNumber.equals(String.valueOf(p.get("containerPort")))) {
                return ((Number) p.get("containerPort")).intValue();
            }
        }
        return -1;
    }

    private static Map<String, Set<String>> keys(String kind, String field) {
        Map<String, Set<String>> keys = new HashMap<>();
        objects.stream().filter(o -> kind.equals(o.get("kind"))).forEach(o -> keys.put(
                String.valueOf(map(o.get("metadata")).get("name")), map(o.get(field)).keySet()));
        return keys;
    }

    /** {@code server.port} from the module's application.properties or application.yml. */
    private static int serverPort(String module) throws IOException {
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        Path properties = resources.resolve("application.properties");
        if (Files.exists(properties)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(properties)) {
                p.load(in);
            }
            return Integer.parseInt(p.getProperty("server.port"));
        }
        Map<String, Object> yaml = yaml(resources.resolve("application.yml"));
        return ((Number) map(yaml.get("server")).get("port")).intValue();
    }

    /** The default of {@code management.server.port} in the gateway's application.yml, e.g. {@code ${X:8090}}. */
    private static int gatewayManagementPort() throws IOException {
        Map<String, Object> yaml = yaml(ROOT.resolve("gateway/src/main/resources/application.yml"));
        String port = String.valueOf(map(map(yaml.get("management")).get("server")).get("port"));
        Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(port);
        return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : port);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static Map<String, Object> stringMap(Object value) {
        Map<String, Object> copy = new HashMap<>();
        map(value).forEach((k, v) -> copy.put(k, String.valueOf(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
