using Aspire.Hosting.Pipelines;
using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Validation;

namespace MyService.Hosting.Publishing;

/// <summary>
/// What the ECS environment's steps do: write the deployment files from the model into the output folder and validate
/// them, or validate a folder of (hand-edited) files. Files are rewritten only when their content changes. Every
/// problem is logged with file, line, field and fix; the caller fails the step when there is an error.
/// </summary>
internal sealed partial class DeploymentPublisher(PublishedServiceFactory factory, ILogger logger)
{
    public PublishedServiceFactory Factory => factory;

    private static readonly string[] GeneratedFolders = ["fsd", "ecs"];

    /// <param name="environment">Null: environment-neutral files; else that FSD environment's overrides applied.</param>
    public async Task<PublishResult> PublishAsync(string root, string? environment, IReportingStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        root = Path.GetFullPath(root);
        var set = DeploymentFileSet.Create(factory, environment);
        foreach (var project in factory.Projects)
        {
            foreach (var omitted in factory.OmittedVariables(project))
            {
                LogOmitted(logger, project.Name, omitted);
            }
        }

        var written = new List<string>();
        foreach (var (relative, content) in set.Files)
        {
            var path = Path.Combine(root, relative);
            await using var task = await step.CreateTaskAsync($"Writing {Shown(path)}", cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var changed = !File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != content;
            if (changed)
            {
                await File.WriteAllTextAsync(path, content, cancellationToken);
            }

            await task.CompleteAsync(changed ? $"Wrote {Shown(path)}" : $"{Shown(path)} is up to date", CompletionState.Completed, cancellationToken);
            written.Add(path);
        }

        RemoveStaleFiles(root, written);
        var scope = environment is { } e ? $"environment {e}" : "all environments (${ENV})";
        var folder = Shown(root);
        LogPublished(logger, set.Services.Count, written.Count, folder, scope);

        var validator = new DeploymentValidator(factory);
        var problems = new List<ValidationProblem>(validator.ValidatePaths(written, environment));
        foreach (var variant in set.Variants)
        {
            var path = Path.Combine(root, variant.File);
            problems.AddRange(validator.ValidateFile(path, variant.Text, variant.Environment, $"{Shown(path)} (with --env {variant.Environment} overrides)"));
        }

        problems.AddRange(DeploymentValidator.ValidateDockerfiles(set.Services));
        return await ReportAsync(new PublishResult(written, problems), step, cancellationToken);
    }

    /// <summary>A folder laid out like deploy/ (every .yml, .yaml and .json in it, and each service's Dockerfile) or one file.</summary>
    public async Task<PublishResult> ValidateAsync(string path, string? environment, IReportingStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        path = Path.GetFullPath(path);
        var problems = new List<ValidationProblem>(new DeploymentValidator(factory).ValidatePaths([path], environment));
        if (Directory.Exists(path))
        {
            problems.AddRange(DeploymentValidator.ValidateDockerfiles(factory.Projects.Select(p => factory.Create(p, environment))));
        }

        return await ReportAsync(new PublishResult([], problems), step, cancellationToken);
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

    private async Task<PublishResult> ReportAsync(PublishResult result, IReportingStep step, CancellationToken cancellationToken)
    {
        await using var task = await step.CreateTaskAsync("Validating the deployment files", cancellationToken);
        foreach (var problem in result.Problems.OrderBy(p => p.IsError ? 0 : 1))
        {
            if (problem.IsError)
            {
                LogError(logger, problem.ToString());
            }
            else
            {
                LogWarning(logger, problem.ToString());
            }
        }

        var errors = result.Errors.Count();
        var warnings = result.Problems.Count - errors;
        var verdict = $"Validation: {(errors == 0 ? "valid" : "INVALID")}: {errors} error(s), {warnings} warning(s).";
        LogVerdict(logger, errors == 0 ? LogLevel.Information : LogLevel.Error, verdict);
        var state = errors > 0 ? CompletionState.CompletedWithError : warnings > 0 ? CompletionState.CompletedWithWarning : CompletionState.Completed;
        await task.CompleteAsync(verdict, state, cancellationToken);
        return result;
    }

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Services} service(s), {Files} files to {Folder} for {Environment}.")]
    private static partial void LogPublished(ILogger logger, int services, int files, string folder, string environment);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service}: left out {Variable}.")]
    private static partial void LogOmitted(ILogger logger, string service, string variable);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogError(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogWarning(ILogger logger, string problem);

    [LoggerMessage(Message = "{Verdict}")]
    private static partial void LogVerdict(ILogger logger, LogLevel level, string verdict);
}
