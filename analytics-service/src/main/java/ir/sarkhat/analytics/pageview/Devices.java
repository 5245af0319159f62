package ir.sarkhat.analytics.pageview;

/** Plausible's device classes by screen width: under 576 px mobile, under 992 tablet, under 1440 laptop, else desktop. */
public final class Devices {

    private Devices() {
    }

    public static String ofScreenWidth(Integer width) {
        if (width == null || width <= 0 || width > 100_000) {
            return null;
        }
        if (width < 576) {
            return "Mobile";
        }
        if (width < 992) {
            return "Tablet";
        }
        return width < 1440 ? "Laptop" : "Desktop";
    }
}
