using MyService.Hosting.Publishing.Validation;

namespace MyService.Hosting.Publishing;

/// <summary>
/// The <c>publish</c> and <c>validate</c> verbs: write the deployment files from the model (nothing starts), validate
/// them, and print a short summary with every problem. Files are rewritten only when their content changes.
/// </summary>
public sealed class DeploymentPublisher(PublishedServiceFactory factory, DeploymentValidator validator, DistributedApplicationOptions options, TextWriter output)
{
    private static readonly string[] GeneratedFolders = ["fsd", "ecs"];

    private PublishingOptions Publishing => options.Publishing ?? new PublishingOptions();

    public async Task<PublishResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = Publishing.Verb == PublishVerb.Publish ? await PublishAsync(cancellationToken) : Validate();
        await WriteProblemsAsync(result);
        return result;
    }

    private async Task<PublishResult> PublishAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Publishing.OutputPath);
        var set = DeploymentFileSet.Create(factory, Publishing.Environment);
        var written = new List<string>();
        foreach (var (relative, content) in set.Files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != content)
            {
                await File.WriteAllTextAsync(path, content, cancellationToken);
            }

            written.Add(path);
        }

        RemoveStaleFiles(root, written);
        var environment = Publishing.Environment is { } e ? $"environment {e}" : "all environments (${ENV})";
        await output.WriteLineAsync($"Published {set.Services.Count} service(s), {written.Count} files to {Shown(root)} for {environment}:");
        foreach (var path in written)
        {
            await output.WriteLineAsync($"  {Shown(path)}");
        }

        var problems = new List<ValidationProblem>(validator.ValidatePaths(written, Publishing.Environment));
        foreach (var variant in set.Variants)
        {
            var path = Path.Combine(root, variant.File);
            problems.AddRange(validator.ValidateFile(path, variant.Text, variant.Environment, $"{Shown(path)} (with --env {variant.Environment} overrides)"));
        }

        problems.AddRange(DeploymentValidator.ValidateDockerfiles(set.Services));
        return new PublishResult(written, problems);
    }

    private PublishResult Validate()
    {
        var paths = Publishing.Files.Count > 0 ? Publishing.Files : [Publishing.OutputPath];
        var problems = new List<ValidationProblem>(validator.ValidatePaths(paths, Publishing.Environment));
        if (Publishing.Files.Count == 0)
        {
            problems.AddRange(DeploymentValidator.ValidateDockerfiles(factory.Projects.Select(p => factory.Create(p, Publishing.Environment))));
        }

        return new PublishResult([], problems);
    }

    /// <summary>The output folder belongs to publish: a file for a service no longer in the model would otherwise linger.</summary>
    private static void RemoveStaleFiles(string root, List<string> written)
    {
        foreach (var folder in GeneratedFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var stale in Directory.EnumerateFiles(folder).Where(f => !written.Contains(f)).ToList())
            {
                File.Delete(stale);
            }
        }
    }

    private async Task WriteProblemsAsync(PublishResult result)
    {
        foreach (var problem in result.Problems.OrderBy(p => p.IsError ? 0 : 1))
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var errors = result.Errors.Count();
        var verdict = errors == 0 ? "valid" : "INVALID";
        await output.WriteLineAsync($"Validation: {verdict}: {errors} error(s), {result.Problems.Count - errors} warning(s).");
    }

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
