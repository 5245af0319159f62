/** The services as child JVMs: launch with output to a log file, wait for /actuator/health, stop gently then forcibly. */
package ir.sarkhat.localstack.services;
