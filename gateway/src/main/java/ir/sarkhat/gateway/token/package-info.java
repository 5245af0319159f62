/** Staff access tokens: the shared RSA signing keys in MongoDB, issuing and verifying RS256 JWTs, the public JWKS. */
package ir.sarkhat.gateway.token;
