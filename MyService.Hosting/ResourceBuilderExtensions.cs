using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

/// <summary>WithEnvironment, WithArgs, WithReference, WaitFor and WaitForCompletion, as in Aspire.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>The parameter's value, resolved at start; a secret parameter's value is masked wherever it is shown.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(parameter);
        builder.WithAnnotation(new EnvironmentParameterAnnotation(name, parameter.Resource));
        return builder.WithEnvironment(context =>
            context.EnvironmentVariables[name] = parameter.Resource.GetValue(context.RunContext.Configuration));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResourceWithArgs
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new CommandLineArgsAnnotation(args));
    }

    /// <summary>Injects what <paramref name="source"/> offers: a connection string, service-discovery URLs, AWS settings (DESIGN §5).</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Resource is not (IResourceWithConnectionString or IResourceWithReferenceEnvironment))
        {
            throw new DistributedApplicationException(
                $"'{builder.Resource.Name}' cannot reference '{source.Resource.Name}': it has no connection string or endpoints to inject.");
        }

        return builder.WithAnnotation(new ResourceReferenceAnnotation(source.Resource));
    }

    /// <summary>Start only after <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport => builder.AddWait(dependency, WaitType.WaitUntilHealthy);

    /// <summary>Start only after <paramref name="dependency"/> has exited with code 0 (a migration, a seed job).</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport => builder.AddWait(dependency, WaitType.WaitUntilCompleted);

    private static IResourceBuilder<T> AddWait<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitType type)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new DistributedApplicationException($"'{builder.Resource.Name}' cannot wait for itself.");
        }

        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, type));
    }
}
