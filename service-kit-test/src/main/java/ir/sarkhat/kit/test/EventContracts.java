package ir.sarkhat.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contracts in {@code contracts/events/} at the repository root: producers validate what
 * they emit against them, consumers are fed their examples.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private EventContracts() {
    }

    /** Fails with every schema violation when {@code json} does not match {@code schemaFile}. */
    public static void assertValid(String schemaFile, String json) {
        Schema schema = REGISTRY.getSchema(read(schemaFile), InputFormat.JSON);
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event does not match " + schemaFile + ": " + errors + "\n" + json);
        }
    }

    /** The schema's {@code examples}, each as JSON text. */
    public static List<String> examples(String schemaFile) {
        JsonNode examples = JSON.readTree(read(schemaFile)).path("examples");
        List<String> result = new ArrayList<>();
        examples.forEach(example -> result.add(JSON.writeValueAsString(example)));
        if (result.isEmpty()) {
            throw new AssertionError(schemaFile + " has no examples");
        }
        return result;
    }

    static String read(String schemaFile) {
        try {
            return Files.readString(contractsDir().resolve(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks up from the working directory (a module folder under Maven) to the repository root. */
    static Path contractsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("contracts/events not found above " + Path.of("").toAbsolutePath());
    }
}
