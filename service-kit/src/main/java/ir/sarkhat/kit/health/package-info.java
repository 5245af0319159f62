/** Health checks that work on both a real MongoDB and the embedded MongoDB-protocol store. */
package ir.sarkhat.kit.health;
