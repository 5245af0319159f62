/** Gateway-specific metrics for Prometheus (the page-view spool); probes and tracing are configuration. */
package ir.sarkhat.gateway.observability;
