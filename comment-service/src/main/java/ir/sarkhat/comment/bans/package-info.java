/** Banned emails and IP addresses with an expiry, set by moderators; a banned sender's comments go to spam. */
package ir.sarkhat.comment.bans;
