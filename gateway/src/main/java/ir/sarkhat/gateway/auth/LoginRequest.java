package ir.sarkhat.gateway.auth;

/** Body of {@code POST /api/auth/login}. */
record LoginRequest(String username, String password) {
}
