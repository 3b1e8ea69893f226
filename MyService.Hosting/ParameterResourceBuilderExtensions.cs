using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A value from configuration <c>Parameters:{name}</c>. Secret values are never printed, and publish as Secrets Manager references.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ParameterResource(name, secret));
    }

    /// <summary>An existing connection string from configuration <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ConnectionStringResource(name));
    }
}
