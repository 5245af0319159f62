package ir.sarkhat.article.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The import API (ADMIN). The body is the WXR file itself, streamed to disk (never held in memory);
 * the answer is 202 with the job's address, which shows progress and the bad items.
 */
@RestController
class WordPressImportController {

    private final WxrImport imports;
    private final ImportJobs jobs;
    private final Path uploadDir;
    private final Clock clock;

    WordPressImportController(WxrImport imports, ImportJobs jobs, Clock clock,
            @Value("${sarkhat.wordpress.upload-dir:${java.io.tmpdir}/sarkhat-wordpress}") String uploadDir) {
        this.imports = imports;
        this.jobs = jobs;
        this.clock = clock;
        this.uploadDir = Path.of(uploadDir);
    }

    @PostMapping("/api/admin/import/wxr")
    ResponseEntity<ImportJobResponse> upload(HttpServletRequest request, Authentication admin,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestParam(name = "name", required = false) String name) throws IOException {
        if (imports.busy()) {
            throw ApiProblem.conflict("An import is already running on this instance; wait for it to finish.");
        }
        Files.createDirectories(uploadDir);
        Path file = uploadDir.resolve(new ObjectId().toHexString() + ".xml");
        long bytes;
        try (InputStream body = request.getInputStream()) {
            bytes = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (bytes == 0) {
            Files.deleteIfExists(file);
            throw ApiProblem.badRequest("The request body is empty: send the WXR file itself as the body.");
        }
        try {
            WxrReader.checkStart(file);
        } catch (WxrException bad) {
            Files.deleteIfExists(file);
            throw ApiProblem.badRequest(bad.getMessage());
        }
        ImportJob job = jobs.start(admin.getName(), name == null || name.isBlank() ? "upload.xml" : name.strip(), bytes,
                file.toString());
        imports.start(job, authorization);
        return ResponseEntity.accepted().location(URI.create("/api/admin/import/jobs/" + job.id()))
                .body(ImportJobResponse.of(job, clock.instant()));
    }

    @GetMapping("/api/admin/import/jobs/{id}")
    ImportJobResponse job(@PathVariable String id) {
        return jobs.byId(id).map(j -> ImportJobResponse.of(j, clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("There is no import job " + id + "."));
    }

    @GetMapping("/api/admin/import/jobs")
    List<ImportJobResponse> recent() {
        return jobs.recent(20).stream().map(j -> ImportJobResponse.of(j, clock.instant())).toList();
    }

    @PostMapping("/api/admin/import/jobs/{id}/resume")
    ResponseEntity<ImportJobResponse> resume(@PathVariable String id,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        ImportJob job = imports.resume(id, authorization);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/admin/import/jobs/" + id))
                .body(ImportJobResponse.of(job, clock.instant()));
    }
}
