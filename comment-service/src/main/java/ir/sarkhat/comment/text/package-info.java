/** Persian-first text handling applied to everything readers type. */
package ir.sarkhat.comment.text;
