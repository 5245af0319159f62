package ir.sarkhat.gateway.token;

/** A signed access token and its lifetime in seconds. */
public record IssuedToken(String value, long expiresInSeconds) {
}
