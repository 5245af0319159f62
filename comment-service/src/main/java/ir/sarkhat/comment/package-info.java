/** Comment service: reader comments on published articles and their moderation. */
package ir.sarkhat.comment;
