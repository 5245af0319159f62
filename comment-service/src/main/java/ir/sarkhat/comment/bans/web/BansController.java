package ir.sarkhat.comment.bans.web;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.bans.Bans;

/** Ban and unban senders. Access (MODERATOR, or ADMIN) is enforced in {@code AccessRules}. */
@RestController
@RequestMapping("/api/moderation/bans")
class BansController {

    private final Bans bans;

    BansController(Bans bans) {
        this.bans = bans;
    }

    @PostMapping
    ResponseEntity<BanResponse> ban(@RequestBody BanRequest request, Principal moderator) {
        var ban = bans.ban(request.email(), request.ip(), request.ttl(), request.reason(), moderator.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(BanResponse.of(ban));
    }

    @GetMapping
    BanResponse.Listing list() {
        return new BanResponse.Listing(bans.active().stream().map(BanResponse::of).toList());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> lift(@PathVariable String id) {
        bans.lift(id);
        return ResponseEntity.noContent().build();
    }
}
