/** The search API ({@code /api/search}) and the server-rendered search page ({@code /search}). */
package ir.sarkhat.article.search.web;
