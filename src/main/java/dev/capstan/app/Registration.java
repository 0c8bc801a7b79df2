package dev.capstan.app;

import dev.capstan.command.DidYouMean;
import dev.capstan.platform.Declarations;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.platform.PlatformServices;
import dev.capstan.platform.SettingsBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets every family declare what it needs, then checks the whole configuration in one round: the environment's and
 * the YAML file's problems, every family's settings, sections for families this build lacks, aliases and access rules.
 */
final class Registration {
    private Registration() {
    }

    /** The families' declarations; throws {@link Config.Invalid} listing every problem found. */
    static Declarations register(List<Feature> features, PlatformServices services, Config config, List<String> configProblems,
                                 StartupPhases phases) {
        Declarations declarations = new Declarations();
        PlatformVariables.all().forEach(declarations::variable);
        SettingsBinder binder = new SettingsBinder();
        List<String> problems = new ArrayList<>(configProblems);
        List<String> names = new ArrayList<>();
        for (Feature feature : features) {
            names.add(feature.name());
            try {
                feature.register(new FeatureContext(feature.name(), services, declarations, binder));
            } catch (IllegalArgumentException e) {
                problems.add(feature.name() + ": " + e.getMessage());
            }
            phases.mark("family " + feature.name());
        }
        problems.addAll(declarations.problems());
        config.families().keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(name ->
                problems.add("families." + name + ": no family of this build is called `" + name + "`."
                        + DidYouMean.sentence(name, names)));
        problems.addAll(ConfiguredNames.applyAliases(services.commands(), config.aliases(), Config.DEFAULT_ALIASES));
        problems.addAll(ConfiguredNames.checkAccessRules(services.commands(), config.accessRules()));
        phases.mark("configuration check");
        if (!problems.isEmpty()) throw new Config.Invalid(problems);
        return declarations;
    }
}
