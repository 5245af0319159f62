package ir.sarkhat.article.editor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Staff's list of articles in any state, newest change first, paged by an opaque cursor over
 * (updatedAt, id) so an article saved while someone pages cannot be shown twice on one page boundary.
 */
@Component
class EditorListing {

    static final int MAX_LIMIT = 100;
    private static final char SEPARATOR = '|';

    private final MongoTemplate mongo;

    EditorListing(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Page(List<Article> items, String nextCursor) {
    }

    Page list(ArticleStatus status, String author, String cursor, int limit) {
        List<Criteria> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add(Criteria.where("status").is(status.name()));
        }
        if (author != null && !author.isBlank()) {
            conditions.add(Criteria.where("author").is(author.strip()));
        }
        if (cursor != null && !cursor.isBlank()) {
            Position after = read(cursor);
            conditions.add(new Criteria().orOperator(Criteria.where("updatedAt").lt(after.updatedAt()),
                    Criteria.where("updatedAt").is(after.updatedAt()).and("_id").lt(new ObjectId(after.id()))));
        }
        Query query = conditions.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(conditions));
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt", "_id")).limit(limit + 1);
        query.fields().include("title", "slug", "status", "author", "updatedAt", "publishAt", "publishedAt", "version");
        List<Article> found = mongo.find(query, Article.class);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Article> page = found.subList(0, limit);
        Article last = page.get(limit - 1);
        return new Page(page, encode(last));
    }

    private record Position(Instant updatedAt, String id) {
    }

    static String encode(Article last) {
        String position = last.updatedAt().toString() + SEPARATOR + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Position read(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf(SEPARATOR);
            String id = separator < 0 ? "" : position.substring(separator + 1);
            if (!ObjectId.isValid(id)) {
                throw invalid();
            }
            return new Position(Instant.parse(position.substring(0, separator)), id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor: not a cursor this service gave out. Use nextCursor from the previous page, or omit it for the first page.");
    }
}
