package ir.sarkhat.article.wordpress;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Hands a post's comments to comment-service's import endpoint, with the importing admin's own
 * token: comment-service checks the role itself and writes them through its own write path (so it
 * emits the comment events). Called from the import job only, never while serving a reader.
 */
@Component
class CommentImportClient {

    private final RestClient rest;

    CommentImportClient(@Value("${sarkhat.wordpress.comment-service-url:http://127.0.0.1:8082}") String commentServiceUrl) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(2000);
        timeouts.setReadTimeout(60000);
        this.rest = RestClient.builder().baseUrl(commentServiceUrl).requestFactory(timeouts).build();
    }

    /** One comment as comment-service's import endpoint takes it. */
    record ImportedComment(long wordpressId, Long parentWordpressId, String authorName, String authorEmail,
            String authorUrl, String authorIp, String createdAt, String body, String status, String type) {
    }

    record Batch(String articleId, List<ImportedComment> comments) {
    }

    record Failure(long wordpressId, String reason) {
    }

    record Result(int imported, int alreadyImported, List<Failure> failed) {
    }

    /**
     * @throws ImportInterrupted when comment-service is unreachable or refuses the token (the job stops
     *                           and can be resumed); a 400 for the batch is returned as failures instead
     */
    Result send(Batch batch, String authorization) {
        try {
            Result result = rest.post().uri("/api/admin/import/comments")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(batch)
                    .retrieve()
                    .body(Result.class);
            return result == null ? new Result(0, 0, List.of()) : result;
        } catch (RestClientResponseException refused) {
            HttpStatusCode status = refused.getStatusCode();
            if (status.value() == 401 || status.value() == 403) {
                throw new ImportInterrupted("comment-service refused the token (" + status.value()
                        + "; it expires after a while): sign in again and resume the job.");
            }
            if (status.is4xxClientError()) {
                String reason = "comment-service refused the comments: " + refused.getResponseBodyAsString();
                return new Result(0, 0, batch.comments().stream().map(c -> new Failure(c.wordpressId(), reason)).toList());
            }
            throw new ImportInterrupted("comment-service answered " + status.value() + "; resume the job when it is healthy.");
        } catch (ResourceAccessException down) {
            throw new ImportInterrupted("comment-service cannot be reached (" + down.getMessage()
                    + "); resume the job when it is up.");
        }
    }
}
