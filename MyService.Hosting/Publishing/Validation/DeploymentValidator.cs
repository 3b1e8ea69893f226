using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Validation.Ecs;
using MyService.Hosting.Publishing.Validation.Fsd;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>Validates deployment files by kind (FSD, ECS task definition, ECS service, workflow), against the rules and the model's service of the same name.</summary>
internal sealed class DeploymentValidator(PublishedServiceFactory factory)
{
    /// <summary>Files and folders (searched for .yml, .yaml and .json), in a stable order.</summary>
    public IReadOnlyList<ValidationProblem> ValidatePaths(IEnumerable<string> paths, string? environment)
    {
        var problems = new List<ValidationProblem>();
        foreach (var path in paths)
        {
            // A folder's files, or the file itself; null when the path is neither.
            List<string>? files = Directory.Exists(path)
                ? [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => Path.GetExtension(f) is ".yml" or ".yaml" or ".json").Order(StringComparer.Ordinal)]
                : File.Exists(path) ? [path] : null;
            var missing = new ProblemList(path);
            missing.ErrorIf(files is [], "(folder)", null, "has no deployment files.", $"run `{factory.Commands.Publish}` first.");
            missing.ErrorIf(files is null, "(file)", null, "does not exist.", "check the path.");
            problems.AddRange([.. missing.Problems, .. (files ?? []).SelectMany(f => ValidateFile(f, File.ReadAllText(f), environment))]);
        }

        return problems;
    }

    /// <param name="file">The path, which says the kind of file and the service.</param>
    /// <param name="shownAs">What problems name as the file, when not <paramref name="file"/>.</param>
    public IReadOnlyList<ValidationProblem> ValidateFile(string file, string text, string? environment, string? shownAs = null)
    {
        var (name, shown) = (Path.GetFileName(file), shownAs ?? file);
        var service = name.Split('.')[0];
        var expected = factory.Projects.FirstOrDefault(p => p.Name == service) is { } project ? factory.Create(project, environment) : null;
        var isWorkflow = Path.GetFileName(Path.GetDirectoryName(file)) == "github";
        var noModel = new ProblemList(shown);
        noModel.WarningIf(expected is null && !isWorkflow, "(file)", null, $"the app model has no project named '{service}': checked against the rules only, not against the model.",
            "name the file after the service ({service}.yml, {service}.task-definition.json, {service}.service.json).");
        return [.. noModel.Problems, .. name switch
        {
            _ when name.EndsWith(".task-definition.json", StringComparison.Ordinal) => EcsValidator.Validate(shown, text, v => EcsValidator.TaskDefinition(v, expected)),
            _ when name.EndsWith(".service.json", StringComparison.Ordinal) => EcsValidator.Validate(shown, text, v => EcsValidator.Service(v, expected)),
            _ when isWorkflow => ValidateWorkflow(shown, text),
            _ when name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal) => FsdValidator.Validate(shown, text, expected),
            _ => [new(IsError: true, shown, null, "(file)", "is not a kind of deployment file validate knows.",
                "pass FSD files (.yml), {service}.task-definition.json or {service}.service.json.")],
        }];
    }

    /// <summary>Each service's Dockerfile against the model (<see cref="DockerfileCheck"/>).</summary>
    public static IReadOnlyList<ValidationProblem> ValidateDockerfiles(IEnumerable<PublishedService> services) =>
        [.. services.SelectMany(service =>
        {
            var dockerfile = Path.Combine(service.ProjectDirectory, "Dockerfile");
            var shown = $"{service.ProjectFolder}/Dockerfile";
            return File.Exists(dockerfile)
                ? DockerfileCheck.Validate(shown, File.ReadAllText(dockerfile), service)
                : [new(IsError: false, shown, null, "(file)", "does not exist: the workflow cannot build the image.", "add a Dockerfile (non-root USER, EXPOSE, HEALTHCHECK).")];
        })];

    /// <summary>
    /// A deploy workflow: GitHub runs one without OIDC or without waiting for the tests, so both are warnings, each with its
    /// pitfall (002_508960cd39b0bbae.txt, Pattern 6); only a file that is not a workflow at all (not YAML, no jobs) is an error.
    /// </summary>
    internal static IReadOnlyList<ValidationProblem> ValidateWorkflow(string file, string text)
    {
        var problems = new ProblemList(file);
        var roots = YamlView.Load(text, problems, "YAML");
        if (roots is not [YamlMappingNode root, ..] || YamlView.Child(root, "jobs") is not YamlMappingNode jobs)
        {
            problems.ErrorIf(roots is not null, "jobs", 1, "is missing: GitHub runs nothing without jobs.", "add the workflow's jobs.");
            return problems.Problems;
        }

        var deployJobs = jobs.Children.Where(j => Runs(j.Value, "fsd deploy")).Select(j => (Name: ((YamlScalarNode)j.Key).Value ?? "", Job: j.Value)).ToList();
        problems.WarningIf(!IdTokenWrite(root) && !deployJobs.Any(j => IdTokenWrite(j.Job)), "permissions.id-token", null,
            "is not 'write': the workflow cannot use OIDC and needs stored AWS keys (002_508960cd39b0bbae.txt, Pattern 6 pitfall \"Not using OIDC for AWS auth\").",
            "set permissions: id-token: write, and configure-aws-credentials with role-to-assume.");
        foreach (var (name, job) in deployJobs.Where(j => YamlView.Child(j.Job, "needs") is null))
        {
            problems.Warning($"jobs.{name}.needs", (int)job.Start.Line, "the deploy job does not wait for the tests (002_508960cd39b0bbae.txt, Pattern 6 pitfall \"Deploying on every commit\").",
                $"set needs: test on the {name} job.");
        }

        return problems.Problems;
    }

    /// <summary><c>permissions: {id-token: write}</c>, or <c>permissions: write-all</c>, on a workflow or a job.</summary>
    private static bool IdTokenWrite(YamlNode node) => YamlView.Child(node, "permissions") switch
    {
        YamlScalarNode all => all.Value == "write-all",
        { } permissions => (YamlView.Child(permissions, "id-token") as YamlScalarNode)?.Value == "write",
        null => false,
    };

    private static bool Runs(YamlNode job, string command) =>
        YamlView.Child(job, "steps") is YamlSequenceNode steps && steps.Children.Any(s => (YamlView.Child(s, "run") as YamlScalarNode)?.Value?.Contains(command, StringComparison.Ordinal) == true);
}
