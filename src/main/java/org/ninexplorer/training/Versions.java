package org.ninexplorer.training;

/** The versions a run records and Help ▸ About shows, stated once. */
public final class Versions {

    /** The DL4J and ND4J release the app is built against (the pom's {@code dl4j.version}). */
    public static final String DL4J = "1.0.0-M2.1";

    private Versions() {
    }

    /** The app's version from its jar's manifest, or {@code development} when run from the build's classes. */
    public static String app() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static String java() {
        return System.getProperty("java.version");
    }
}
