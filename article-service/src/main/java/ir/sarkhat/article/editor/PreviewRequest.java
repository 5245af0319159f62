package ir.sarkhat.article.editor;

/** {@code POST /api/editor/preview}: the Markdown being written. */
record PreviewRequest(String body) {
}
