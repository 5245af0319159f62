/**
 * Verifies staff access tokens (gateway-signed JWTs) in every service, maps their roles, and refuses the tokens of
 * sessions the gateway has ended (the {@code staff-sessions} events).
 */
package ir.sarkhat.kit.security;
