using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyService.Hosting.Publishing;

/// <summary>
/// The actions of <see cref="EcsEnvironmentResource"/>'s pipeline steps. Both read the folder from Aspire's
/// <c>--output-path</c> (the pipeline's output directory), and the FSD environment from the host environment
/// (<c>--environment</c>): dev, staging or prod applies that environment's overrides to the files; any other name
/// (Aspire's defaults Development and Production among them) gives the environment-neutral files that are committed.
/// A step with an error throws, which fails the pipeline (and, with <see cref="PipelineFailureExitCode"/>, the process).
/// </summary>
internal static class EcsPipelineSteps
{
    public static async Task PublishAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var (publisher, fsdEnvironment) = await PublisherForAsync(environment, context);
        var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var result = await publisher.PublishAsync(output, fsdEnvironment, context.ReportingStep, context.CancellationToken);
        ThrowOnErrors(result, $"`{publisher.Factory.Commands.Publish}` wrote them");
    }

    public static async Task ValidateAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var (publisher, fsdEnvironment) = await PublisherForAsync(environment, context);
        var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var result = await publisher.ValidateAsync(output, fsdEnvironment, context.ReportingStep, context.CancellationToken);
        ThrowOnErrors(result, "fix them by hand, or publish again");
    }

    private static async Task<(DeploymentPublisher Publisher, string? FsdEnvironment)> PublisherForAsync(EcsEnvironmentResource environment, PipelineStepContext context)
    {
        var host = context.Services.GetRequiredService<IHostEnvironment>();
        var factory = await PublishedServiceFactory.CreateAsync(environment, context.Model, context.ExecutionContext, host.ContentRootPath, context.CancellationToken);
        var fsdEnvironment = FsdServiceOptions.KnownEnvironments.FirstOrDefault(e => string.Equals(e, host.EnvironmentName, StringComparison.OrdinalIgnoreCase));
        return (new DeploymentPublisher(factory, context.Logger), fsdEnvironment);
    }

    private static void ThrowOnErrors(PublishResult result, string hint)
    {
        var errors = result.Errors.Count();
        if (errors > 0)
        {
            // A DistributedApplicationException reaches the pipeline's report as it is (other exceptions get wrapped).
            throw new DistributedApplicationException($"The deployment files have {errors} error(s), each logged above with file, line, field and fix ({hint}).");
        }
    }
}
