/** Health checks behind /actuator/health that work on a real MongoDB and on the embedded one used locally. */
package ir.sarkhat.gateway.health;
