package ir.sarkhat.gateway.auth;

/**
 * The sign-in and refresh answer, shaped like an OAuth 2 token response. The refresh token is also set as an HttpOnly
 * cookie for pages; API clients keep it from here.
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
}
