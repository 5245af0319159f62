package ir.sarkhat.analytics.beacon;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/analytics/events}: 202 for every well-formed beacon that came through the gateway (counted or
 * ignored alike) once its event is in the producer's buffer, 400 for a body that is not a JSON object, 403 without
 * the gateway's stamp, 503 with {@code Retry-After} when the producer cannot take the event now (buffer full,
 * broker away).
 */
@RestController
class BeaconController {

    static final String PATH = "/api/analytics/events";
    static final int RETRY_AFTER_SECONDS = 5;

    private final BeaconStamp stamps;
    private final BeaconIngest ingest;

    BeaconController(BeaconStamp stamps, BeaconIngest ingest) {
        this.stamps = stamps;
        this.ingest = ingest;
    }

    @PostMapping(path = PATH, consumes = "application/json")
    ResponseEntity<Void> event(@RequestBody BeaconEvent event,
            @RequestHeader(name = "X-Sarkhat-Visitor", required = false) String visitor,
            @RequestHeader(name = "X-Sarkhat-Client", required = false) String client,
            @RequestHeader(name = "X-Sarkhat-Stamped-At", required = false) String stampedAt,
            @RequestHeader(name = "X-Sarkhat-Signature", required = false) String signature) {
        ingest.accept(event, stamps.verify(visitor, client, stampedAt, signature));
        return ResponseEntity.accepted().build();
    }

    @ExceptionHandler(BeaconPublisher.ProducerBusyException.class)
    ResponseEntity<ProblemDetail> busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event could not be taken right now. Send it again later.");
        problem.setTitle("Unavailable");
        problem.setInstance(URI.create(PATH));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
