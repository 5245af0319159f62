/** The editor pages: the staff listing and Markdown preview they call, the page shell and who may fetch it. */
package ir.sarkhat.article.editor;
