/** Analytics service: counts page views, unique visitors and approved comments per article and publishes the totals. */
package ir.sarkhat.analytics;
