package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryGitHubLinksOnPostgresTest extends DirectoryGitHubLinksTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
