namespace MyService.Hosting.Publishing;

/// <summary>
/// What a resource becomes on ECS, declared by its integration: the ECS environment calls <see cref="Apply"/> once for
/// every service that references the resource (or that carries the annotation itself) and publishes what it filled in.
/// The environment knows no integration: a third-party one takes part by adding this annotation.
/// </summary>
public sealed class EcsDeploymentAnnotation(Action<EcsDeploymentContext> apply) : IResourceAnnotation
{
    public Action<EcsDeploymentContext> Apply { get; } = apply ?? throw new ArgumentNullException(nameof(apply));
}
