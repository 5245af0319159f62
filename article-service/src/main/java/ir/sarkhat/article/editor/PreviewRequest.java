package ir.sarkhat.article.editor;

/** {@code POST /api/editor/preview}: the body being written; {@code format} HTML for imported articles, else Markdown. */
record PreviewRequest(String body, String format) {
}
