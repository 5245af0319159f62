package ir.sarkhat.comment.comments;

/**
 * Why a rule held a comment or marked it spam, for moderators.
 *
 * @param rule   stable rule name: honeypot, ban, block-word, hold-word, links, mode-all, first-time
 * @param detail a Persian sentence a moderator can read
 */
public record Hold(String rule, String detail) {
}
