package ir.sarkhat.article.articles;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import ir.sarkhat.article.articles.Articles.ListingCriteria;
import ir.sarkhat.article.articles.Articles.ListingPosition;
import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Readers' queries: only published articles exist for them. Staff may also read any article and its
 * revisions by id. The reader pages call these too.
 */
@Service
public class ArticleReading {

    public static final int MAX_LIMIT = 100;
    public static final int RELATED = 5;
    private static final int RELATED_CANDIDATES = 100;

    private final Articles articles;
    private final SlugHistory slugHistory;
    private final Revisions revisions;
    private final Categories categories;
    private final ArticleStatsStore stats;

    ArticleReading(Articles articles, SlugHistory slugHistory, Revisions revisions, Categories categories,
            ArticleStatsStore stats) {
        this.articles = articles;
        this.slugHistory = slugHistory;
        this.revisions = revisions;
        this.categories = categories;
        this.stats = stats;
    }

    /** Published articles newest first; {@code cursor} is the previous page's {@code nextCursor}, or null. */
    public ArticlePage published(String cursor, int limit) {
        return published(ArticleFilter.NONE, cursor, limit);
    }

    /** Published articles matching every given filter, newest first, a page at a time. */
    public ArticlePage published(ArticleFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit: must be between 1 and " + MAX_LIMIT + ".");
        }
        ListingPosition after = cursor == null || cursor.isBlank() ? null : ListingCursor.read(cursor);
        Set<String> inCategories = null;
        if (filter.category() != null && !filter.category().isBlank()) {
            inCategories = categories.withDescendants(filter.category());
            if (inCategories.isEmpty()) {
                return new ArticlePage(List.of(), null);
            }
        }
        ListingCriteria criteria = new ListingCriteria(blankToNull(PersianText.normalizeLine(filter.tag())),
                inCategories, blankToNull(filter.author() == null ? null : filter.author().strip()), filter.sticky());
        List<Article> found = articles.published(criteria, after, limit + 1);
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

    /**
     * Where an old address now points: the current slug of the published article that used to be at
     * {@code oldSlug}. Empty when the slug is current, never existed, or its article is not published.
     */
    public Optional<String> currentSlugFor(String oldSlug) {
        String slug = PersianText.letters(oldSlug);
        if (articles.slugTaken(slug)) {
            return Optional.empty();
        }
        return slugHistory.articleIdFor(slug).flatMap(articles::byId).filter(Article::isPublished)
                .map(Article::slug);
    }

    /**
     * Up to five other published articles sharing tags or categories with this one: most shared
     * first, then newest (among the newest {@value #RELATED_CANDIDATES} that share anything).
     */
    public List<ArticleLink> related(Article article) {
        Set<String> tags = new HashSet<>(article.tags());
        Set<String> cats = new HashSet<>(article.categories());
        return articles.sharingTagsOrCategories(article.id(), tags, cats, RELATED_CANDIDATES).stream()
                .sorted(Comparator.comparingInt((Article other) -> shared(other, tags, cats)).reversed()
                        .thenComparing(Article::publishedAt, Comparator.reverseOrder()))
                .limit(RELATED)
                .map(ArticleLink::of)
                .toList();
    }

    private static int shared(Article other, Set<String> tags, Set<String> categories) {
        return (int) (other.tags().stream().filter(tags::contains).count()
                + other.categories().stream().filter(categories::contains).count());
    }

    /** The published article published just before this one, if any. */
    public Optional<ArticleLink> previous(Article article) {
        return articles.adjacent(ListingPosition.of(article), false).map(ArticleLink::of);
    }

    /** The published article published just after this one, if any. */
    public Optional<ArticleLink> next(Article article) {
        return articles.adjacent(ListingPosition.of(article), true).map(ArticleLink::of);
    }

    /** Any article, draft or not, for staff. */
    public ArticleView byId(String id) {
        return articles.byId(id).map(this::withReadership)
                .orElseThrow(() -> ApiProblem.notFound("There is no article with id " + id + "."));
    }

    /** The kept revisions of an article, newest first (staff). */
    public List<Revision> revisions(String articleId) {
        byId(articleId);
        return revisions.of(articleId);
    }

    public Revision revision(String articleId, long number) {
        return revisions.of(articleId, number).orElseThrow(() -> ApiProblem.notFound(
                "Article " + articleId + " has no revision " + number + " (only the last " + Revisions.KEPT
                        + " are kept)."));
    }

    private ArticleView withReadership(Article article) {
        return new ArticleView(article, stats.of(article.id()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
