package ir.sarkhat.article.articles;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.kit.problem.ApiProblem;

/** Readers' queries: only published articles exist for them. Staff may also read drafts by id. */
@Service
public class ArticleReading {

    public static final int MAX_LIMIT = 100;

    private final Articles articles;
    private final ArticleStatsStore stats;

    ArticleReading(Articles articles, ArticleStatsStore stats) {
        this.articles = articles;
        this.stats = stats;
    }

    /** Published articles newest first; {@code cursor} is the previous page's {@code nextCursor}, or null. */
    public ArticlePage published(String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit: must be between 1 and " + MAX_LIMIT + ".");
        }
        Articles.ListingPosition after = cursor == null || cursor.isBlank() ? null : ListingCursor.read(cursor);
        List<Article> found = articles.published(after, limit + 1);
        List<Article> shown = found.subList(0, Math.min(limit, found.size()));
        Map<String, Readership> readership = stats.of(shown.stream().map(Article::id).toList());
        List<ArticleView> items = shown.stream()
                .map(a -> new ArticleView(a, readership.getOrDefault(a.id(), Readership.NONE)))
                .toList();
        String next = found.size() > limit ? ListingCursor.after(shown.get(shown.size() - 1)) : null;
        return new ArticlePage(items, next);
    }

    /** The published article at this slug; a draft is as unknown as a slug that never existed. */
    public ArticleView publishedBySlug(String slug) {
        return articles.bySlug(PersianText.letters(slug))
                .filter(Article::isPublished)
                .map(this::withReadership)
                .orElseThrow(() -> ApiProblem.notFound("There is no published article at this address."));
    }

    /** Any article, draft or not, for staff. */
    public ArticleView byId(String id) {
        return articles.byId(id).map(this::withReadership)
                .orElseThrow(() -> ApiProblem.notFound("There is no article with id " + id + "."));
    }

    private ArticleView withReadership(Article article) {
        return new ArticleView(article, stats.of(article.id()));
    }
}
