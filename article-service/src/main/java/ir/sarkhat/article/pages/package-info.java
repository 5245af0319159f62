/** Server-rendered Persian reader pages (Thymeleaf): the home page and one page per published article. */
package ir.sarkhat.article.pages;
