/** The services as child JVMs: launch with output to a log file, wait for /readyz, stop gently then forcibly. */
package ir.sarkhat.localstack.services;
