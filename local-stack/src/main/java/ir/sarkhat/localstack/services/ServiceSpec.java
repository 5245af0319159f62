package ir.sarkhat.localstack.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service to run: {@code java <jvm options> -jar <jar> <args>} with {@code env} added to (or, for a
 * {@code null} value, removed from) the inherited environment; healthy when {@code GET /readyz}
 * on {@code port} answers 200 UP.
 */
public record ServiceSpec(String name, Path jar, int port, List<String> args, Map<String, String> env) {

    public ServiceSpec {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }
}
