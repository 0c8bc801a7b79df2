package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryGitHubLinksOnH2Test extends DirectoryGitHubLinksTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
