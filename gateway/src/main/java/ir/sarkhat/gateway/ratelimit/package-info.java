/** Per-client request limits on the abusable routes (comment POST, beacon, login, search), in Redis or in memory. */
package ir.sarkhat.gateway.ratelimit;
