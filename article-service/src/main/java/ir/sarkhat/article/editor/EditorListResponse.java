package ir.sarkhat.article.editor;

import java.util.List;

/** {@code GET /api/editor/articles}: a page of rows and the cursor of the next one (null at the end). */
record EditorListResponse(List<EditorListItem> items, String nextCursor) {
}
