package ir.sarkhat.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ir.sarkhat.localstack.services.ServiceSpec;

/** The four services, their ports, databases and how they are wired to Kafka, MongoDB and each other. */
final class ServicePlan {

    static final String GATEWAY = "gateway";
    static final String ARTICLES = "article-service";
    static final String COMMENTS = "comment-service";
    static final String ANALYTICS = "analytics-service";
    static final List<String> MODULES = List.of(ARTICLES, COMMENTS, ANALYTICS, GATEWAY);

    private ServicePlan() {
    }

    /** Backends first, gateway last: all are launched at once anyway. */
    static List<ServiceSpec> specs(StackConfig config, Map<String, Path> jars, Map<String, String> gatewayEnv) {
        String jwks = "--sarkhat.security.jwks-uri=" + url(config, config.gatewayPort()) + "/.well-known/jwks.json";
        Map<String, String> backendEnv = AdminAccount.removedFromBackends();
        List<ServiceSpec> specs = new ArrayList<>();
        specs.add(spec(config, jars, ARTICLES, config.articlePort(), "sarkhat-articles", List.of(jwks), backendEnv));
        specs.add(spec(config, jars, COMMENTS, config.commentPort(), "sarkhat-comments", List.of(jwks), backendEnv));
        specs.add(spec(config, jars, ANALYTICS, config.analyticsPort(), "sarkhat-analytics", List.of(jwks), backendEnv));
        specs.add(spec(config, jars, GATEWAY, config.gatewayPort(), "sarkhat-gateway", List.of(
                "--sarkhat.gateway.article-service-uri=" + url(config, config.articlePort()),
                "--sarkhat.gateway.comment-service-uri=" + url(config, config.commentPort()),
                "--sarkhat.gateway.analytics-service-uri=" + url(config, config.analyticsPort()),
                "--management.server.port=" + gatewayManagementPort(config)), gatewayEnv));
        return specs;
    }

    private static ServiceSpec spec(StackConfig config, Map<String, Path> jars, String module, int port,
                                    String database, List<String> own, Map<String, String> env) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + config.host());
        args.add("--spring.mongodb.uri=mongodb://" + config.host() + ":" + config.mongoPort() + "/" + database);
        args.add("--spring.kafka.bootstrap-servers=" + config.host() + ":" + config.kafkaPort());
        args.addAll(own);
        args.addAll(config.extraServiceArgs());
        return new ServiceSpec(module, jars.get(module), port, args, env);
    }

    /**
     * The gateway's actuator (Prometheus scrape) port: 8090 beside the default 8080, a random one when
     * the stack runs on free ports (tests), so two stacks never collide on it.
     */
    static int gatewayManagementPort(StackConfig config) {
        return config.gatewayPort() == 8080 ? 8090 : 0;
    }

    static String url(StackConfig config, int port) {
        return "http://" + config.host() + ":" + port;
    }
}
