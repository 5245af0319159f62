package ir.sarkhat.comment.bans.web;

/** Body of {@code POST /api/moderation/bans}; {@code ttl} is "P7D" or a number of days. */
record BanRequest(String email, String ip, String ttl, String reason) {
}
