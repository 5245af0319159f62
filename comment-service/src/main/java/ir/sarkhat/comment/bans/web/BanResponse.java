package ir.sarkhat.comment.bans.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.comment.bans.Ban;

record BanResponse(String id, String email, String ip, String reason, String createdBy, Instant createdAt,
        Instant expiresAt) {

    static BanResponse of(Ban ban) {
        return new BanResponse(ban.id(), ban.email(), ban.ip(), ban.reason(), ban.createdBy(), ban.createdAt(),
                ban.expiresAt());
    }

    record Listing(List<BanResponse> items) {
    }
}
