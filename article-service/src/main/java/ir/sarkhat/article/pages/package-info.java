/** Server-rendered Persian reader pages (Thymeleaf): home, article, tag/category/author archives, and their queries on the shared article fields. */
package ir.sarkhat.article.pages;
