using Aspire.Hosting.Pipelines;
using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Steps;

namespace MyService.Hosting.Publishing;

/// <summary>
/// AWS ECS (Fargate) deployed with FSD, as an Aspire compute environment: every project of the model is a service of
/// this environment. Its pipeline steps write the deployment files (FSD service files, ECS task and service
/// definitions, the GitHub Actions workflow) and validate them; nothing is built, pushed or started.
/// </summary>
/// <remarks>
/// Shaped like Aspire's Docker Compose environment, but it adds no <c>DeploymentTargetAnnotation</c> (a service's
/// published form is a set of files, and no step of <c>publish</c> reads it), and its publish step does not depend on
/// <c>publish-prereq</c>: parameters are published as placeholders and ARNs, so their values are never resolved or asked for.
/// </remarks>
public sealed class EcsEnvironmentResource : Resource, IComputeEnvironmentResource
{
    /// <summary>The standalone step that validates a folder laid out like <c>deploy/</c> (hand-edited files) without publishing.</summary>
    public const string ValidateStepName = "validate-deploy";

    public EcsEnvironmentResource(string name)
        : base(name)
    {
        Annotations.Add(new PipelineStepAnnotation(_ =>
        {
            var publish = Step(PublishStepName, $"Writes the FSD service files, ECS JSON and deploy workflow of {Name}, then validates them.", DeploymentPublisher.PublishStepAsync);
            publish.RequiredBy(WellKnownPipelineSteps.Publish);
            return [publish, Step(ValidateStepName, $"Validates the deployment files in the output path against the rules and the app model ({Name}), without publishing.", DeploymentPublisher.ValidateStepAsync)];
        }));
    }

    /// <summary>
    /// Where a service of this environment is reached: known at deploy time only (its load balancer), so a placeholder
    /// the deploy workflow fills in, as the published environment variables name it (<c>${API_HTTP_HOST}</c>).
    /// </summary>
    public ReferenceExpression GetHostAddressExpression(EndpointReference endpointReference)
    {
        ArgumentNullException.ThrowIfNull(endpointReference);
        return ReferenceExpression.Create($"{Placeholders.Of(endpointReference.Resource.Name, endpointReference.EndpointName, "HOST")}");
    }

    /// <summary>The step <c>publish</c> requires: <c>publish-{name}</c>.</summary>
    public string PublishStepName => $"publish-{Name}";

    /// <summary>Prefix of every published name (<c>shop-api</c>); default from the AppHost folder (<c>Shop.AppHost</c> -> <c>shop</c>).</summary>
    public string? ApplicationName { get; set; }

    /// <summary>The folder the workflow's Dockerfile paths are relative to; default the AppHost's nearest ancestor with a .sln or .slnx.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The folder the files are committed in, relative to <see cref="RepositoryRoot"/>, as the workflow and the commands it runs name it.</summary>
    public string DeployFolder { get; set; } = "deploy";

    /// <summary>How the deploy workflow runs the repository's tests before it deploys.</summary>
    public string TestCommand { get; set; } = "dotnet test";

    /// <summary>Which branch deploys to which FSD environment, in the workflow's order (as the platform's documents set it up: staging, then main to prod).</summary>
    public IDictionary<string, string> DeployBranches { get; } = new OrderedDictionary<string, string>(StringComparer.Ordinal) { ["staging"] = "staging", ["main"] = "prod" };

    /// <summary>The AppHost project's folder (the builder's), which the defaults above derive from.</summary>
    internal string? AppHostDirectory { get; set; }

    private PipelineStep Step(string name, string description, Func<EcsEnvironmentResource, PipelineStepContext, Task> action) =>
        new() { Name = name, Description = description, Action = context => action(this, context), Resource = this };
}
