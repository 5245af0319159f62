/** The page beacon: its script, and the endpoint that turns stamped reports into page-view events. */
package ir.sarkhat.analytics.beacon;
