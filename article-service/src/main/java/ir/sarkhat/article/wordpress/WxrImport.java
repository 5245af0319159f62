package ir.sarkhat.article.wordpress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

import ir.sarkhat.article.articles.ArticleImports;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.article.articles.FeaturedImage;
import ir.sarkhat.article.articles.ImportedPost;
import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.text.Slugs;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Runs import jobs, one at a time on this instance, in the background: the scan pass (whole file
 * valid? how many items?), then categories, then item by item — posts through {@link ArticleImports},
 * their comments through comment-service. Every step is idempotent, so a resumed or repeated job
 * writes and emits only what is missing.
 */
@Service
class WxrImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WxrImport.class);
    /** WordPress's own bookkeeping types: nothing a reader saw as an article. */
    private static final Set<String> INTERNAL_TYPES = Set.of("attachment", "nav_menu_item", "revision", "custom_css",
            "customize_changeset", "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part",
            "wp_global_styles", "wp_navigation", "wp_font_family", "wp_font_face");
    private static final int COMMENT_BATCH = 100;
    private static final int BATCH_CHARS = 300_000;
    private static final long PROGRESS_EVERY_MS = 500;
    /** A RUNNING job without a progress write for this long was left by a stopped instance. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(2);

    private final ImportJobs jobs;
    private final ArticleImports articles;
    private final Categories categories;
    private final CommentImportClient comments;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wordpress-import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> running = new AtomicReference<>();

    WxrImport(ImportJobs jobs, ArticleImports articles, Categories categories, CommentImportClient comments,
            Clock clock) {
        this.jobs = jobs;
        this.articles = articles;
        this.categories = categories;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * Jobs left RUNNING by a stopped instance cannot go on by themselves (the admin's token is gone).
     * Only silent ones are touched, so another instance's live job is not.
     */
    @EventListener(ApplicationReadyEvent.class)
    void interruptOrphans() {
        jobs.interruptStale(STALE, "The service stopped during the import; resume the job.");
    }

    /** Starts the job in the background; one job at a time per instance. */
    void start(ImportJob job, String authorization) {
        try {
            claim(job.id());
        } catch (ApiProblem busy) {
            jobs.finish(job.id(), ImportJob.FAILED, busy.getMessage());
            deleteQuietly(Path.of(job.file()));
            throw busy;
        }
        worker.execute(() -> run(job, authorization));
    }

    /** Continues an INTERRUPTED job from where it stopped, with a fresh token. */
    ImportJob resume(String id, String authorization) {
        ImportJob job = jobs.byId(id).orElseThrow(() -> ApiProblem.notFound("There is no import job " + id + "."));
        boolean orphaned = ImportJob.RUNNING.equals(job.status()) && !id.equals(running.get())
                && job.updatedAt().isBefore(clock.instant().minus(STALE));
        if (!ImportJob.INTERRUPTED.equals(job.status()) && !orphaned) {
            throw ApiProblem.conflict("Import job " + id + " is " + job.status() + "; only an INTERRUPTED job can be resumed.");
        }
        if (job.file() == null || !Files.exists(Path.of(job.file()))) {
            throw ApiProblem.conflict("The uploaded file of job " + id + " is not on this instance any more; "
                    + "upload it again (already imported items are skipped).");
        }
        claim(id);
        jobs.resumed(id, job.resumeFrom());
        worker.execute(() -> run(jobs.byId(id).orElseThrow(), authorization));
        return jobs.byId(id).orElseThrow();
    }

    boolean busy() {
        return running.get() != null;
    }

    private void claim(String id) {
        if (!running.compareAndSet(null, id)) {
            throw ApiProblem.conflict("Import job " + running.get() + " is still running on this instance; "
                    + "wait for it to finish (GET /api/admin/import/jobs/" + running.get() + ").");
        }
    }

    private void run(ImportJob job, String authorization) {
        Path file = Path.of(job.file());
        try {
            WxrScan scan = WxrScan.of(file);
            jobs.total(job.id(), scan.items);
            new Run(job, scan, authorization).items(file);
            jobs.finish(job.id(), ImportJob.DONE, null);
            deleteQuietly(file);
        } catch (WxrException bad) {
            jobs.finish(job.id(), ImportJob.FAILED, bad.getMessage());
            deleteQuietly(file);
        } catch (ImportInterrupted stop) {
            jobs.finish(job.id(), ImportJob.INTERRUPTED, stop.getMessage());
        } catch (RuntimeException unexpected) {
            log.error("Import job {} stopped", job.id(), unexpected);
            jobs.finish(job.id(), ImportJob.INTERRUPTED, "Stopped by an unexpected error (" + unexpected.getMessage()
                    + "); resume the job.");
        } finally {
            running.set(null);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** One run over the items of one job. */
    private final class Run implements Wxr.Visitor {
        private final ImportJob job;
        private final WxrScan scan;
        private final String authorization;
        private final ImportJobs.Progress progress;
        private final int skipUntil;
        private final Map<String, String> categorySlugs = new HashMap<>();
        private final Set<String> seenDuplicates = new HashSet<>();
        private int position;
        private long lastWrite;

        Run(ImportJob job, WxrScan scan, String authorization) {
            this.job = job;
            this.scan = scan;
            this.authorization = authorization;
            this.progress = ImportJobs.Progress.of(job);
            this.skipUntil = job.resumeFrom();
        }

        void items(Path file) {
            importCategories();
            WxrReader.read(file, this);
            jobs.progress(job.id(), progress);
        }

        /** Parents before children; an existing category (same slug) is reused. */
        private void importCategories() {
            Map<String, Wxr.Category> byNicename = new HashMap<>();
            scan.categories.forEach(c -> byNicename.putIfAbsent(c.nicename(), c));
            for (Wxr.Category c : scan.categories) {
                ensureCategory(c, byNicename, new HashSet<>());
            }
        }

        private String ensureCategory(Wxr.Category c, Map<String, Wxr.Category> byNicename, Set<String> path) {
            String known = categorySlugs.get(c.nicename());
            if (known != null) {
                return known;
            }
            String parentSlug = null;
            Wxr.Category parent = c.parent() == null || c.parent().isEmpty() ? null : byNicename.get(c.parent());
            if (parent != null && path.add(c.nicename())) {
                parentSlug = ensureCategory(parent, byNicename, path);
            } else if (c.parent() != null && !c.parent().isEmpty() && skipUntil == 0) {
                progress.problem("category", c.nicename(), "parent '" + c.parent()
                        + "' is not in the file (or forms a loop); imported at the top level");
            }
            String slug = Slugs.of(decode(c.nicename().isEmpty() ? c.name() : c.nicename()));
            String name = c.name() == null || c.name().isBlank() ? slug : c.name();
            if (categories.bySlug(slug).isPresent()) {
                progress.existingCategories += skipUntil == 0 ? 1 : 0;
            } else {
                try {
                    categories.create(name, slug, parentSlug);
                    progress.categories++;
                } catch (ApiProblem clash) {
                    progress.existingCategories++; // created meanwhile by someone else: the same category
                }
            }
            categorySlugs.put(c.nicename(), slug);
            return slug;
        }

        @Override
        public void item(Wxr.Item item) {
            int index = position++;
            if (index < skipUntil) {
                seenDuplicates.add(item.postId());
                return;
            }
            try {
                handle(item);
            } catch (ImportInterrupted stop) {
                jobs.progress(job.id(), progress); // this item is not done: a resumed run starts with it
                throw stop;
            } catch (ApiProblem refused) {
                progress.problem("post", item.postId(), item.label() + ": " + refused.getMessage());
            } catch (IllegalArgumentException bad) {
                progress.problem("post", item.postId(), item.label() + ": " + bad.getMessage());
            }
            progress.done = index + 1;
            long now = System.currentTimeMillis();
            if (now - lastWrite >= PROGRESS_EVERY_MS) {
                jobs.progress(job.id(), progress);
                lastWrite = now;
            }
        }

        private void handle(Wxr.Item item) {
            String type = item.postType() == null ? "" : item.postType();
            if (INTERNAL_TYPES.contains(type)) {
                progress.skip(type); // before the duplicate check: WordPress itself exports some menu items twice
                return;
            }
            if (scan.duplicated.contains(item.postId()) && !seenDuplicates.add(item.postId())) {
                progress.problem("post", item.postId(), item.label()
                        + ": duplicate post id; an earlier item of the file has it (that one was imported)");
                return;
            }
            // Sarkhat has no standalone pages: a page comes over as a draft article (content, slug and
            // comments kept), for an editor to publish or leave.
            boolean page = "page".equals(type);
            if (!"post".equals(type) && !page) {
                progress.problem("post", item.postId(), item.label() + ": unknown post type '" + type
                        + "'; only posts are imported");
                return;
            }
            long wordpressId = wordpressId(item);
            ArticleStatus status = status(item);
            if (status == null) {
                progress.skip("post status " + item.status());
                return;
            }
            Instant published = WordPressDates.instant("wp:post_date_gmt", item.postDateGmt(), "wp:post_date",
                    item.postDate());
            Instant modified = WordPressDates.instant("wp:post_modified_gmt", item.modifiedGmt(), "wp:post_modified",
                    item.modified());
            if (status == ArticleStatus.SCHEDULED && (published == null || !published.isAfter(clock.instant()))) {
                status = ArticleStatus.PUBLISHED; // a "future" post whose time has passed: WordPress would show it
            }
            if (page) {
                status = ArticleStatus.DRAFT;
            }
            List<Wxr.Comment> postComments = item.comments();
            List<CommentImportClient.ImportedComment> converted = convert(item, postComments);
            // WordPress numbers comments in the order they were written: parents come before their replies.
            converted.sort(java.util.Comparator.comparingLong(CommentImportClient.ImportedComment::wordpressId));
            ArticleImports.Outcome outcome = articles.importPost(new ImportedPost(wordpressId, item.title(),
                    decode(item.postName()), WordPressContent.toHtml(item.content()), item.excerpt(),
                    terms(item, "post_tag", true), terms(item, "category", false), item.creator(), item.sticky(),
                    featuredImage(item), status, published, published, modified));
            if (outcome.created()) {
                progress.posts += page ? 0 : 1;
                progress.pages += page ? 1 : 0;
            } else {
                progress.existingPosts += page ? 0 : 1;
                progress.existingPages += page ? 1 : 0;
            }
            for (List<CommentImportClient.ImportedComment> batch : batches(converted)) {
                CommentImportClient.Result result = comments.send(
                        new CommentImportClient.Batch(outcome.articleId(), batch), authorization);
                progress.comments += result.imported();
                progress.existingComments += result.alreadyImported();
                result.failed().forEach(f -> progress.problem("comment", String.valueOf(f.wordpressId()),
                        "comment " + f.wordpressId() + " on post " + item.postId() + ": " + f.reason()));
            }
        }

        /**
         * At most {@value #COMMENT_BATCH} comments and about {@value #BATCH_CHARS} characters a request, within
         * comment-service's request size limit. Replies may land in a later batch than their parent: it is
         * found there by its WordPress id.
         */
        private static List<List<CommentImportClient.ImportedComment>> batches(
                List<CommentImportClient.ImportedComment> all) {
            List<List<CommentImportClient.ImportedComment>> batches = new ArrayList<>();
            List<CommentImportClient.ImportedComment> current = new ArrayList<>();
            int chars = 0;
            for (CommentImportClient.ImportedComment c : all) {
                int size = 300 + (c.body() == null ? 0 : c.body().length() * 2);
                if (!current.isEmpty() && (current.size() == COMMENT_BATCH || chars + size > BATCH_CHARS)) {
                    batches.add(current);
                    current = new ArrayList<>();
                    chars = 0;
                }
                current.add(c);
                chars += size;
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
            return batches;
        }

        /** Comments with a usable id and date; the others are reported here and not sent. */
        private List<CommentImportClient.ImportedComment> convert(Wxr.Item item, List<Wxr.Comment> all) {
            List<CommentImportClient.ImportedComment> out = new ArrayList<>();
            for (Wxr.Comment c : all) {
                try {
                    long id = Long.parseLong(c.id());
                    Instant at = WordPressDates.instant("wp:comment_date_gmt", c.dateGmt(), "wp:comment_date", c.date());
                    long parent = c.parent() == null || c.parent().isEmpty() ? 0 : Long.parseLong(c.parent());
                    out.add(new CommentImportClient.ImportedComment(id, parent == 0 ? null : parent, c.author(),
                            c.email(), c.url(), c.ip(), at == null ? null : at.toString(),
                            WordPressContent.commentText(c.content()), commentStatus(c.approved()),
                            c.type() == null || c.type().isEmpty() ? "comment" : c.type()));
                } catch (IllegalArgumentException bad) {
                    progress.problem("comment", c.id(), "comment " + c.id() + " on post " + item.postId() + ": "
                            + (bad instanceof NumberFormatException ? "comment id or parent is not a number" : bad.getMessage()));
                }
            }
            return out;
        }

        private static String commentStatus(String approved) {
            return switch (approved == null ? "" : approved) {
                case "1", "approve" -> "APPROVED";
                case "spam" -> "SPAM";
                case "trash", "post-trashed" -> "TRASH";
                default -> "PENDING";
            };
        }

        private static long wordpressId(Wxr.Item item) {
            try {
                long id = Long.parseLong(item.postId());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException | NullPointerException e) {
                // reported below
            }
            throw new IllegalArgumentException("wp:post_id '" + item.postId() + "' is not a positive number");
        }

        /** Null for the statuses that are not imported (trash, auto-draft, inherit). */
        private static ArticleStatus status(Wxr.Item item) {
            String status = item.status() == null ? "" : item.status();
            return switch (status) {
                case "publish" -> ArticleStatus.PUBLISHED;
                case "future" -> ArticleStatus.SCHEDULED;
                case "draft", "pending", "private" -> ArticleStatus.DRAFT;
                case "trash", "auto-draft", "inherit" -> null;
                default -> throw new IllegalArgumentException("unknown post status '" + status + "'");
            };
        }

        private List<String> terms(Wxr.Item item, String domain, boolean names) {
            List<String> values = new ArrayList<>();
            for (Wxr.Term term : item.terms()) {
                if (!domain.equals(term.domain())) {
                    continue;
                }
                if (names) {
                    values.add(term.name());
                } else {
                    String slug = categorySlugs.get(term.nicename());
                    if (slug == null) {
                        // A category used by a post but missing from the header: create it at the top level.
                        slug = ensureCategory(new Wxr.Category(term.nicename(), "", term.name()), Map.of(), new HashSet<>());
                    }
                    values.add(slug);
                }
            }
            return values;
        }

        private FeaturedImage featuredImage(Wxr.Item item) {
            String thumbnail = item.meta().get("_thumbnail_id");
            WxrScan.FeaturedImageRef ref = thumbnail == null ? null : scan.attachments.get(thumbnail.strip());
            if (ref == null || !ref.url().matches("(?i)https?://.+")) {
                return null;
            }
            String alt = ref.alt() != null && !ref.alt().isBlank() ? ref.alt()
                    : ref.title() != null && !ref.title().isBlank() ? ref.title() : item.title();
            return new FeaturedImage(ref.url(), alt == null || alt.isBlank() ? "تصویر" : alt.strip());
        }
    }

    /** Percent-decoded, as WordPress keeps non-ASCII slugs encoded; left as it is when it is not valid encoding. */
    static String decode(String value) {
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }
}
