/** The latest moderation state of each comment, kept from comment events to count approved comments. */
package ir.sarkhat.analytics.comment;
