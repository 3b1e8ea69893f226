using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Validation;

namespace MyService.Hosting.Publishing.Steps;

/// <summary>
/// The ECS environment's steps: write the files into Aspire's <c>--output-path</c> (only those whose content changed)
/// and validate them, or validate a folder of hand-edited files. <c>--environment</c> dev, staging or prod applies its
/// overrides; any other name gives the neutral files that are committed. An error fails the step and (see
/// <see cref="CleanStopBuilderExtensions.RunWithCleanStopAsync"/>) the process.
/// </summary>
internal static partial class DeploymentPublisher
{
    private static readonly string[] GeneratedFolders = ["fsd", "ecs"];

    public static async Task PublishStepAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var (factory, output, fsdEnvironment) = await PrepareAsync(environment, context);
        var set = DeploymentFileSet.Create(factory, fsdEnvironment);
        foreach (var (service, omitted) in factory.Projects.SelectMany(p => factory.OmittedVariables(p).Select(o => (p.Name, o))))
        {
            LogOmitted(context.Logger, service, omitted);
        }

        var written = new List<string>();
        foreach (var (relative, content) in set.Files)
        {
            // Full, so the stale-file sweep compares it with what Directory.EnumerateFiles returns on any OS.
            var path = Path.GetFullPath(Path.Combine(output, relative));
            await using var task = await context.ReportingStep.CreateTaskAsync($"Writing {Shown(path)}", context.CancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var changed = !File.Exists(path) || await File.ReadAllTextAsync(path, context.CancellationToken) != content;
            await (changed ? File.WriteAllTextAsync(path, content, context.CancellationToken) : Task.CompletedTask);
            await task.CompleteAsync(changed ? $"Wrote {Shown(path)}" : $"{Shown(path)} is up to date", CompletionState.Completed, context.CancellationToken);
            written.Add(path);
        }

        // The output folder belongs to publish: a file for a service no longer in the model would otherwise linger.
        foreach (var stale in GeneratedFolders.Select(f => Path.Combine(output, f)).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles).Except(written).ToList())
        {
            File.Delete(stale);
        }

        var (folder, scope) = (Shown(output), fsdEnvironment is { } e ? $"environment {e}" : "all environments (${ENV})");
        LogPublished(context.Logger, set.Services.Count, written.Count, folder, scope);
        var validator = new DeploymentValidator(factory);
        var problems = new List<ValidationProblem>(validator.ValidatePaths(written, fsdEnvironment));
        foreach (var variant in set.Variants)
        {
            var path = Path.Combine(output, variant.File);
            problems.AddRange(validator.ValidateFile(path, variant.Text, variant.Environment, $"{Shown(path)} (with --env {variant.Environment} overrides)"));
        }

        problems.AddRange(DeploymentValidator.ValidateDockerfiles(set.Services));
        await ReportAsync(problems, context, $"`{factory.Commands.Publish}` wrote them");
    }

    /// <summary>A folder laid out like deploy/ (every .yml, .yaml and .json in it, and each service's Dockerfile) or one file.</summary>
    public static async Task ValidateStepAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var (factory, path, fsdEnvironment) = await PrepareAsync(environment, context);
        var problems = new List<ValidationProblem>(new DeploymentValidator(factory).ValidatePaths([path], fsdEnvironment));
        if (Directory.Exists(path))
        {
            problems.AddRange(DeploymentValidator.ValidateDockerfiles(factory.Projects.Select(p => factory.Create(p, fsdEnvironment))));
        }

        await ReportAsync(problems, context, "fix them by hand, or publish again");
    }

    private static async Task<(PublishedServiceFactory Factory, string Output, string? FsdEnvironment)> PrepareAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var host = context.Services.GetRequiredService<IHostEnvironment>();
        var factory = await PublishedServiceFactory.CreateAsync(environment, context.Model, context.ExecutionContext, host.ContentRootPath, context.CancellationToken);
        var output = Path.GetFullPath(context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory());
        return (factory, output, FsdServiceOptions.KnownEnvironments.FirstOrDefault(e => string.Equals(e, host.EnvironmentName, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task ReportAsync(List<ValidationProblem> problems, PipelineStepContext context, string hint)
    {
        await using var task = await context.ReportingStep.CreateTaskAsync("Validating the deployment files", context.CancellationToken);
        foreach (var problem in problems.OrderBy(p => p.IsError ? 0 : 1))
        {
            var line = problem.ToString();
            LogProblem(context.Logger, problem.IsError ? LogLevel.Error : LogLevel.Warning, line);
        }

        var errors = problems.Count(p => p.IsError);
        var verdict = $"Validation: {(errors == 0 ? "valid" : "INVALID")}: {errors} error(s), {problems.Count - errors} warning(s).";
        LogProblem(context.Logger, errors == 0 ? LogLevel.Information : LogLevel.Error, verdict);
        await task.CompleteAsync(verdict, errors > 0 ? CompletionState.CompletedWithError : problems.Count > 0 ? CompletionState.CompletedWithWarning : CompletionState.Completed, context.CancellationToken);
        if (errors > 0)
        {
            // A DistributedApplicationException reaches the pipeline's report as it is (other exceptions get wrapped).
            throw new DistributedApplicationException($"The deployment files have {errors} error(s), each logged above with file, line, field and fix ({hint}).");
        }
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

    [LoggerMessage(Message = "{Message}")]
    private static partial void LogProblem(ILogger logger, LogLevel level, string message);
}
