package ir.sarkhat.gateway.problem;

/** The RFC 9457 body. {@code type} stays {@code about:blank}: the status and title say it all for now. */
record Problem(String type, String title, int status, String detail, String instance) {

    static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance);
    }
}
