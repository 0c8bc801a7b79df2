package dev.capstan.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The migration files of the given locations, named by the index the build writes ({@value #INDEX}) instead of found by
 * Flyway's classpath scan: that scan read all 28,000 entries of the shaded jar once per location, about 200 ms of a start.
 */
final class IndexedMigrations implements ResourceProvider {
    static final String INDEX = "db/migrations.index";

    private final List<LoadableResource> resources;

    private IndexedMigrations(List<LoadableResource> resources) {
        this.resources = resources;
    }

    /**
     * The indexed files in {@code locations}; null when there is no index (a build other than Maven's) or a location has
     * no file in it (migrations from another jar), and Flyway scans as usual.
     */
    static IndexedMigrations of(List<String> locations, ClassLoader loader) {
        if (locations.stream().anyMatch(location -> !location.startsWith("classpath:"))) return null;
        List<String> files;
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) return null;
            files = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migrations' index " + INDEX, e);
        }
        List<LoadableResource> found = new ArrayList<>();
        for (String name : locations) {
            Location location = new Location(name);
            String folder = location.getRootPath();
            List<String> here = files.stream().filter(file -> file.substring(0, Math.max(0, file.lastIndexOf('/'))).equals(folder)).toList();
            if (here.isEmpty()) return null;
            here.forEach(file -> found.add(new ClassPathResource(location, file, loader, StandardCharsets.UTF_8)));
        }
        return new IndexedMigrations(List.copyOf(found));
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(resource -> resource.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream().filter(resource -> resource.getFilename().startsWith(prefix)
                && Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith)).toList();
    }
}
