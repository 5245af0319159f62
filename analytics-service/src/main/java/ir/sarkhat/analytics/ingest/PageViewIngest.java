package ir.sarkhat.analytics.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.PageViewLog;
import ir.sarkhat.analytics.rollup.DroppedHit;
import ir.sarkhat.analytics.rollup.Rollups;
import ir.sarkhat.analytics.visitor.VisitorSketches;

/**
 * Counts one poll's page views: stores them (once per pageviewId), then adds the views this batch owns to the
 * rollups and visitor sketches, in bulk. Every step is idempotent, so the whole batch can be applied again after
 * any failure: that is how a crash between the steps loses nothing and counts nothing twice.
 */
@Component
public class PageViewIngest {

    private final PageViewLog log;
    private final Rollups rollups;
    private final VisitorSketches visitors;

    PageViewIngest(PageViewLog log, Rollups rollups, VisitorSketches visitors) {
        this.log = log;
        this.rollups = rollups;
        this.visitors = visitors;
    }

    /** A visible-time ping: raises the stored view's engaged time (a $max, so a repeat changes nothing). */
    public void engaged(String pageviewId, long engagedMs) {
        log.engaged(pageviewId, engagedMs);
    }

    /** @return the articles whose counts may have changed */
    public Set<String> apply(List<PageView> views, List<DroppedHit> dropped) {
        rollups.addDropped(dropped);
        List<PageView> owned = log.insertOwned(views);
        rollups.add(owned);
        visitors.add(owned);
        Set<String> touched = new LinkedHashSet<>();
        owned.forEach(view -> touched.add(view.articleId()));
        return touched;
    }
}
