/** The staff dashboard page (served through the gateway at /analytics). */
package ir.sarkhat.analytics.dashboard;
