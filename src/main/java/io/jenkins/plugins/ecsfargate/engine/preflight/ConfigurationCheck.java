package io.jenkins.plugins.ecsfargate.engine.preflight;

import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The templates' own settings, checked as ECS would check them (cpu/memory pairs, image references, roles, log
 * settings, subnet and security-group ids), so that the preflight reports a typo before the first RunTask does.
 * It reuses the engine's validators: one rule, one place.
 */
final class ConfigurationCheck {
    static final String NAME = "Template settings";

    private ConfigurationCheck() {}

    /**
     * One error per problem, naming the template and the field; one OK when every template is well formed.
     *
     * @param specs each template's task definition, by template name
     * @param launchProblems problems of each template's launch settings (network, capacity), by template name
     */
    static List<Finding> run(Map<String, TaskDefinitionSpec> specs, Map<String, List<SpecProblem>> launchProblems) {
        List<Finding> findings = new ArrayList<>();
        specs.forEach((template, spec) ->
                SpecValidator.validate(spec).forEach(problem -> findings.add(error(template, problem))));
        launchProblems.forEach(
                (template, problems) -> problems.forEach(problem -> findings.add(error(template, problem))));
        if (findings.isEmpty() && !specs.isEmpty()) {
            findings.add(Finding.ok(NAME, "The settings of " + specs.size() + " template(s) are well formed."));
        }
        return findings;
    }

    private static Finding error(String template, SpecProblem problem) {
        return Finding.error(
                NAME,
                "Template '" + template + "', " + problem.field() + ": " + problem.problem() + ".",
                "Correct the template's " + problem.field() + " field.");
    }
}
