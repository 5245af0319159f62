/** RFC 9457 problem responses for every error the gateway itself produces, and the guard on its own request bodies. */
package ir.sarkhat.gateway.problem;
