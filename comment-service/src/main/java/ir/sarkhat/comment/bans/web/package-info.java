/** HTTP API for bans (MODERATOR): create, list, lift. */
package ir.sarkhat.comment.bans.web;
