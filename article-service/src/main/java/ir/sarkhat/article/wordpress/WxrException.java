package ir.sarkhat.article.wordpress;

/** The file as a whole cannot be imported (not XML, not WXR, truncated); nothing was written. */
class WxrException extends RuntimeException {

    WxrException(String message) {
        super(message);
    }
}
