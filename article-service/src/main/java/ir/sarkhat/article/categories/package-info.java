/** Hierarchical categories: a parent must exist before its children, so cycles cannot be made. */
package ir.sarkhat.article.categories;
