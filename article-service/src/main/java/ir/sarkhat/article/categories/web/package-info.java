/** The JSON API over categories: create one (editors), read the tree (everyone). */
package ir.sarkhat.article.categories.web;
