/** RFC 9457 problem responses: one place that turns every failure into a readable application/problem+json. */
package ir.sarkhat.kit.problem;
