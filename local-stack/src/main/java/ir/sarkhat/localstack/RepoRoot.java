package ir.sarkhat.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root: this code runs from {@code <root>/local-stack/target/local-stack.jar} or
 * {@code <root>/local-stack/target/classes}; otherwise the working directory or one of its parents that has
 * a {@code local-stack/} folder.
 */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path detect() {
        Path fromCode = fromCodeLocation();
        if (fromCode != null) {
            return fromCode;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (looksLikeRoot(dir)) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static Path fromCodeLocation() {
        try {
            var source = RepoRoot.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI()); // .../local-stack/target/{classes|local-stack.jar}
            Path candidate = location.getParent() == null || location.getParent().getParent() == null
                    ? null : location.getParent().getParent().getParent();
            return candidate != null && looksLikeRoot(candidate) ? candidate : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"));
    }
}
