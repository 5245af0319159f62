/** Gateway-only test fixtures: stub backend services and closed ports (shared ones come from service-kit-test). */
package ir.sarkhat.gateway.support;
