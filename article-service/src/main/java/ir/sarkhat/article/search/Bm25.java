package ir.sarkhat.article.search;

/**
 * Okapi BM25 with Lucene's defaults (k1 1.2, b 0.75) and Lucene's always-positive idf.
 * Kept apart from MongoDB so the formula is tested on its own.
 */
record Bm25(double k1, double b) {

    static final Bm25 STANDARD = new Bm25(1.2, 0.75);

    /** ln(1 + (N − df + 0.5) / (df + 0.5)): rare terms weigh more, and never below zero. */
    double idf(long documents, long documentFrequency) {
        return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /** The saturating weight of a term seen {@code tf} times in a document of {@code length} terms. */
    double weight(int tf, int length, double averageLength) {
        if (tf <= 0) {
            return 0;
        }
        double norm = averageLength > 0 ? length / averageLength : 1;
        return tf * (k1 + 1) / (tf + k1 * (1 - b + b * norm));
    }
}
