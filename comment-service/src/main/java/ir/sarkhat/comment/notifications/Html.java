package ir.sarkhat.comment.notifications;

/** Escaping for text placed into the HTML of mails and pages. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escaped, with the line breaks a commenter typed kept as {@code <br>}. */
    public static String paragraph(String text) {
        return escape(text).replaceAll("\\r\\n|\\r|\\n", "<br>");
    }

    /** A whole RTL Persian page or mail body around some markup. */
    public static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="fa" dir="rtl">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>%s</title></head>
                <body dir="rtl" style="font-family:Vazirmatn,Tahoma,sans-serif;direction:rtl;text-align:right;line-height:1.9;max-width:40em;margin:1em auto;padding:0 1em;color:#222">
                %s
                </body>
                </html>
                """.formatted(escape(title), body);
    }
}
