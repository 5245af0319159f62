package ir.sarkhat.article.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Turns Persian (and Latin) text into search terms; the same chain analyses articles and queries.
 * <ol>
 * <li>ZWNJ (U+200C) is <em>deleted</em>, not turned into a space as Lucene's PersianCharFilter does:
 * writers type بین‌المللی, بینالمللی (keyboard without نیم‌فاصله) or with the ZWNJ, and each must
 * give one term.</li>
 * <li>UAX#29 words (StandardTokenizer), Latin lower-cased.</li>
 * <li>Persian/Arabic digits → Latin, so ۱۴۰۲, ١٤٠٢ and 1402 match.</li>
 * <li>Arabic + Persian normalization: ي/ی and ك/ک fold together, diacritics and tatweel go.
 * (Lucene folds to the Arabic letters; terms are internal, never shown.)</li>
 * <li>A curated stopword list ({@code search/persian-stopwords.txt}), then PersianStemFilter.</li>
 * </ol>
 * Thread-safe: Lucene analyzers keep per-thread token streams.
 */
@Component
public final class PersianSearchAnalyzer extends Analyzer {

    private static final String STOPWORDS = "/search/persian-stopwords.txt";
    private static final NormalizeCharMap DELETE_ZWNJ;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("\u200C", "");
        DELETE_ZWNJ = builder.build();
    }

    private final CharArraySet stopwords;

    public PersianSearchAnalyzer() {
        this.stopwords = CharArraySet.unmodifiableSet(normalizedStopwords());
    }

    /** The terms of {@code text} in order, repeats included. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(DELETE_ZWNJ, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = normalized(source);
        result = new StopFilter(result, stopwords);
        result = new PersianStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    private static TokenStream normalized(TokenStream source) {
        TokenStream result = new LowerCaseFilter(source);
        result = new DecimalDigitFilter(result);
        result = new ArabicNormalizationFilter(result);
        return new PersianNormalizationFilter(result);
    }

    /** The list is written in Persian letters; stored in the form the normalizers produce so the filter sees equal strings. */
    private static CharArraySet normalizedStopwords() {
        CharArraySet set = new CharArraySet(64, false);
        try (Analyzer normalizer = new NormalizingOnly()) {
            for (String word : readList()) {
                try (TokenStream stream = normalizer.tokenStream("w", word)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        set.add(term.toString());
                    }
                    stream.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    private static List<String> readList() throws IOException {
        InputStream in = PersianSearchAnalyzer.class.getResourceAsStream(STOPWORDS);
        if (in == null) {
            throw new IllegalStateException(STOPWORDS + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static final class NormalizingOnly extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, normalized(source));
        }
    }
}
