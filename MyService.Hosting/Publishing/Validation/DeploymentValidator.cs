using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Validation.Ecs;
using MyService.Hosting.Publishing.Validation.Fsd;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>
/// Validates deployment files by kind (FSD service file, ECS task definition, ECS service, workflow), each against
/// the rules and against the service of the same name in the app model.
/// </summary>
internal sealed class DeploymentValidator(PublishedServiceFactory factory)
{
    /// <summary>Files and folders (searched for .yml, .yaml and .json), in a stable order.</summary>
    public IReadOnlyList<ValidationProblem> ValidatePaths(IEnumerable<string> paths, string? environment)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<ValidationProblem>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetExtension(f) is ".yml" or ".yaml" or ".json").Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    problems.Add(new(ProblemSeverity.Error, path, null, "(folder)", "has no deployment files.", $"run `{factory.Commands.Publish}` first."));
                }

                problems.AddRange(files.SelectMany(f => ValidateFile(f, File.ReadAllText(f), environment)));
            }
            else if (File.Exists(path))
            {
                problems.AddRange(ValidateFile(path, File.ReadAllText(path), environment));
            }
            else
            {
                problems.Add(new(ProblemSeverity.Error, path, null, "(file)", "does not exist.", "check the path."));
            }
        }

        return problems;
    }

    /// <param name="file">The path, which says the kind of file and the service.</param>
    /// <param name="shownAs">What problems name as the file, when not <paramref name="file"/>.</param>
    public IReadOnlyList<ValidationProblem> ValidateFile(string file, string text, string? environment, string? shownAs = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = Path.GetFileName(file);
        var path = file;
        file = shownAs ?? file;
        var service = name.Split('.')[0];
        var expected = factory.Projects.FirstOrDefault(p => p.Name == service) is { } project ? factory.Create(project, environment) : null;
        List<ValidationProblem> problems = [];
        var isWorkflow = Path.GetFileName(Path.GetDirectoryName(path)) == "github";
        if (expected is null && !isWorkflow)
        {
            problems.Add(new(ProblemSeverity.Warning, file, null, "(file)", $"the app model has no project named '{service}': checked against the rules only, not against the model.",
                "name the file after the service ({service}.yml, {service}.task-definition.json, {service}.service.json)."));
        }

        problems.AddRange(name switch
        {
            _ when name.EndsWith(".task-definition.json", StringComparison.Ordinal) => EcsTaskDefinitionValidator.Validate(file, text, expected),
            _ when name.EndsWith(".service.json", StringComparison.Ordinal) => EcsServiceValidator.Validate(file, text, expected),
            _ when isWorkflow => ValidateWorkflow(file, text),
            _ when name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal) => FsdValidator.Validate(file, text, expected),
            _ => [new(ProblemSeverity.Error, file, null, "(file)", "is not a kind of deployment file validate knows.",
                "pass FSD files (.yml), {service}.task-definition.json or {service}.service.json.")],
        });
        return problems;
    }

    /// <summary>Each service's Dockerfile against the model (<see cref="DockerfileCheck"/>).</summary>
    public static IReadOnlyList<ValidationProblem> ValidateDockerfiles(IEnumerable<PublishedService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<ValidationProblem>();
        foreach (var service in services)
        {
            var dockerfile = Path.Combine(service.ProjectDirectory, "Dockerfile");
            var shown = $"{service.ProjectFolder}/Dockerfile";
            if (File.Exists(dockerfile))
            {
                problems.AddRange(DockerfileCheck.Validate(shown, File.ReadAllText(dockerfile), service));
            }
            else
            {
                problems.Add(new(ProblemSeverity.Warning, shown, null, "(file)", "does not exist: the workflow cannot build the image.",
                    "add a Dockerfile (non-root USER, EXPOSE, HEALTHCHECK as in MyService.Api/Dockerfile)."));
            }
        }

        return problems;
    }

    /// <summary>A deploy workflow (<see cref="WorkflowRules"/>): OIDC and deploying after the tests, as warnings.</summary>
    internal static IReadOnlyList<ValidationProblem> ValidateWorkflow(string file, string text) => WorkflowRules.Validate(file, text);
}
