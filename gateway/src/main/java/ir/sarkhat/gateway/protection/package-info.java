/** Edge protection for every request: who the client is behind trusted proxies, security headers, body size limits. */
package ir.sarkhat.gateway.protection;
