package ir.sarkhat.article.editor;

/** What the body will look like once saved: the same sanitized HTML and reading time the save stores. */
record PreviewResponse(String bodyHtml, int readingTimeMinutes) {
}
