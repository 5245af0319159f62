package ir.sarkhat.analytics.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCursor;

import ir.sarkhat.analytics.article.PublishedArticle;
import ir.sarkhat.analytics.rollup.Dimension;
import ir.sarkhat.analytics.rollup.Grain;
import ir.sarkhat.analytics.rollup.Rollups;
import ir.sarkhat.analytics.visitor.VisitorSketches;

/**
 * Every (day, article) with views in the range as CSV, {@code date,article_id,slug,title,pageviews,visitors}, read
 * from the day rollups with a cursor and written as it goes: no cap, and memory stays flat however long the range.
 * A range shorter than a day (realtime, 24 h) is widened to whole UTC days.
 */
@Component
public class CsvExport {

    static final String HEADER = "date,article_id,slug,title,pageviews,visitors\n";
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;
    private final VisitorSketches sketches;

    CsvExport(MongoTemplate mongo, VisitorSketches sketches) {
        this.mongo = mongo;
        this.sketches = sketches;
    }

    public void write(ReportRange range, OutputStream out) throws IOException {
        Instant from = range.from().truncatedTo(ChronoUnit.DAYS);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so spreadsheet programs read the Persian titles as UTF-8
        writer.write(HEADER);
        Document match = new Document("g", Grain.DAY.code()).append("d", Dimension.ALL.code())
                .append("a", new Document("$ne", Rollups.SITE))
                .append("t", new Document("$gte", Date.from(from)).append("$lt", Date.from(range.to())));
        List<Document> chunk = new ArrayList<>(CHUNK);
        try (MongoCursor<Document> rows = mongo.getCollection(Rollups.COLLECTION).find(match)
                .sort(new Document("t", 1).append("a", 1)).batchSize(CHUNK).iterator()) {
            while (rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == CHUNK) {
                    writeChunk(chunk, writer);
                    chunk.clear();
                }
            }
        }
        writeChunk(chunk, writer);
        writer.flush();
    }

    private void writeChunk(List<Document> chunk, Writer writer) throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        List<Instant> days = chunk.stream().map(d -> d.getDate("t").toInstant()).toList();
        List<String> articles = chunk.stream().map(d -> d.getString("a")).toList();
        long[] visitors = sketches.visitorsOfDays(days, articles);
        Map<String, Document> catalog = new HashMap<>();
        mongo.getCollection(PublishedArticle.COLLECTION).find(new Document("_id", new Document("$in", articles)))
                .forEach(doc -> catalog.put(doc.getString("_id"), doc));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
            Document article = catalog.get(articles.get(i));
            lines.append(days.get(i).atZone(ZoneOffset.UTC).toLocalDate()).append(',')
                    .append(cell(articles.get(i))).append(',')
                    .append(cell(article == null ? null : article.getString("slug"))).append(',')
                    .append(cell(article == null ? null : article.getString("title"))).append(',')
                    .append(((Number) chunk.get(i).get("views")).longValue()).append(',')
                    .append(visitors[i]).append('\n');
        }
        writer.write(lines.toString());
        writer.flush();
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
