package ir.sarkhat.analytics.beacon;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/analytics/events}: 202 for every well-formed beacon that came through the gateway (counted or
 * ignored alike), 400 for a body that is not a JSON object, 403 without the gateway's stamp.
 */
@RestController
class BeaconController {

    private final BeaconStamp stamps;
    private final BeaconIngest ingest;

    BeaconController(BeaconStamp stamps, BeaconIngest ingest) {
        this.stamps = stamps;
        this.ingest = ingest;
    }

    @PostMapping(path = "/api/analytics/events", consumes = "application/json")
    ResponseEntity<Void> event(@RequestBody BeaconEvent event,
            @RequestHeader(name = "X-Sarkhat-Visitor", required = false) String visitor,
            @RequestHeader(name = "X-Sarkhat-Client", required = false) String client,
            @RequestHeader(name = "X-Sarkhat-Stamped-At", required = false) String stampedAt,
            @RequestHeader(name = "X-Sarkhat-Signature", required = false) String signature) {
        ingest.accept(event, stamps.verify(visitor, client, stampedAt, signature));
        return ResponseEntity.accepted().build();
    }
}
