/** The Sarkhat gateway: routes readers and staff to the services, signs staff tokens, observes page reads. */
package ir.sarkhat.gateway;
