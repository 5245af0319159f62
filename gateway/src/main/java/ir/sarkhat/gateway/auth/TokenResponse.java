package ir.sarkhat.gateway.auth;

/** The login answer, shaped like an OAuth 2 token response. */
record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
