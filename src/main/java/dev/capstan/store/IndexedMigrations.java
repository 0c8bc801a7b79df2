package dev.capstan.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migration files of the given locations, named by the index the build writes ({@value #INDEX}) and read once,
 * instead of found by Flyway's classpath scan: that scan read all 28,000 entries of the shaded jar once per location,
 * and Flyway looked each file up on the classpath again every time it read it.
 */
final class IndexedMigrations implements ResourceProvider {
    static final String INDEX = "db/migrations.index";

    /** One migration file of a location, its text read once. */
    private static final class MigrationFile extends LoadableResource {
        private final String location;
        private final String path;
        private final String onDisk;
        private final String text;

        MigrationFile(String location, String path, String onDisk, String text) {
            this.location = location;
            this.path = path;
            this.onDisk = onDisk;
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return onDisk;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return getFilename();
        }
    }

    private final List<MigrationFile> files;

    private IndexedMigrations(List<MigrationFile> files) {
        this.files = files;
    }

    /**
     * The indexed files in {@code locations}; null when there is no index (a build other than Maven's) or a location has
     * no file in it (migrations from another jar), and Flyway scans as usual.
     */
    static IndexedMigrations of(List<String> locations, ClassLoader loader) {
        if (locations.stream().anyMatch(location -> !location.startsWith("classpath:"))) return null;
        URL indexUrl = loader.getResource(INDEX);
        if (indexUrl == null) return null;
        String index = text(indexUrl);
        List<String> paths = index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<MigrationFile> found = new ArrayList<>();
        for (String location : locations) {
            String folder = new Location(location).getRootPath();
            List<String> here = paths.stream().filter(path -> path.substring(0, Math.max(0, path.lastIndexOf('/'))).equals(folder)).toList();
            if (here.isEmpty()) return null;
            for (String path : here) {
                URL url = loader.getResource(path);
                if (url == null) return null;
                found.add(new MigrationFile(location, path, url.getPath(), text(url)));
            }
        }
        return new IndexedMigrations(List.copyOf(found));
    }

    /** Each location's versioned migrations ({@code V<version>__…}), their versions as Flyway writes them. */
    Map<String, List<String>> versions() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (MigrationFile file : files) {
            String name = file.getFilename();
            int end = name.indexOf("__");
            if (!name.startsWith("V") || end < 2) continue;
            String version = MigrationVersion.fromVersion(name.substring(1, end).replace('_', '.')).getVersion();
            versions.computeIfAbsent(file.location, l -> new ArrayList<>()).add(version);
        }
        return versions;
    }

    @Override
    public LoadableResource getResource(String name) {
        return files.stream().filter(file -> file.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return files.stream().filter(file -> file.getFilename().startsWith(prefix)
                && Arrays.stream(suffixes).anyMatch(file.getFilename()::endsWith)).map(LoadableResource.class::cast).toList();
    }

    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + url, e);
        }
    }
}
