/** Current readers (last 5 minutes) and their server-sent event stream to the dashboard. */
package ir.sarkhat.analytics.realtime;
