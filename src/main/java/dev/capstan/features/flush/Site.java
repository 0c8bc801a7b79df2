package dev.capstan.features.flush;

/** A configured site by its name. */
record Site(String name, SiteSettings settings) {
    Cdn cdn() {
        return settings.provider();
    }

    /** "nhs (Akamai, production)". */
    String label() {
        return name + " (" + settings.describe() + ")";
    }

    /** The name access rules use for this site: "flush nhs". */
    String guardedName() {
        return Flush.FAMILY + " " + name;
    }
}
