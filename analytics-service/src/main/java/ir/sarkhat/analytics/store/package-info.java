/** How this service reads its MongoDB collections where the in-memory test store needs care: reads by id in chunks. */
package ir.sarkhat.analytics.store;
