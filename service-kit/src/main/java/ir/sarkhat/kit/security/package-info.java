/** Verifies staff access tokens (gateway-signed JWTs) in every service and maps their roles. */
package ir.sarkhat.kit.security;
