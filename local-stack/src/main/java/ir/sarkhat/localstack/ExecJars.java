package ir.sarkhat.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds each service's runnable jar, {@code <root>/<module>/target/<module>-<version>-exec.jar}. */
final class ExecJars {

    private ExecJars() {
    }

    /** The jar of every module, or a {@link StackException} listing the missing ones and how to build them. */
    static Map<String, Path> require(Path repoRoot, List<String> modules) {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String module : modules) {
            Path jar = find(repoRoot, module);
            if (jar == null) {
                missing.add(module + "/target/" + module + "-*-exec.jar");
            } else {
                jars.put(module, jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("The services are not built (missing under " + repoRoot + ": "
                    + String.join(", ", missing) + "). Run `mvn -q -DskipTests package` first, from " + repoRoot + ".");
        }
        return jars;
    }

    static Path find(Path repoRoot, String module) {
        Path target = repoRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                FileTime time = Files.getLastModifiedTime(jar);
                if (newest == null || time.compareTo(newestTime) > 0) {
                    newest = jar;
                    newestTime = time;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return newest;
    }
}
