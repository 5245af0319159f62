package ir.sarkhat.gateway.auth;

/** Body of {@code POST /api/auth/refresh} and {@code /api/auth/logout}; may be absent when the cookie is sent. */
record RefreshRequest(String refreshToken) {
}
