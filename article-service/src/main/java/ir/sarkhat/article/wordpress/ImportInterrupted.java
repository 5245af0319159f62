package ir.sarkhat.article.wordpress;

/** The import must stop part-way for a reason outside the file; the job can be resumed later. */
class ImportInterrupted extends RuntimeException {

    ImportInterrupted(String message) {
        super(message);
    }
}
