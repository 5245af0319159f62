/** Circuit breakers and time limits per route, so a backend that is down or hung costs callers milliseconds. */
package ir.sarkhat.gateway.resilience;
