/** The comment widget and the moderation console: their page, scripts and styles, and who may fetch them. */
package ir.sarkhat.comment.pages;
