/** Page views, one document per view keyed by its pageviewId, and the counts taken from them. */
package ir.sarkhat.analytics.pageview;
