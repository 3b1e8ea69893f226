namespace MyService.Hosting.ApplicationModel;

/// <summary>AddConnectionString: an existing connection string from configuration <c>ConnectionStrings:{name}</c>.</summary>
public sealed class ConnectionStringResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string ConfigurationKey => $"ConnectionStrings:{Name}";

    public string? GetConnectionString(ResourceRunContext context) =>
        context.Configuration[ConfigurationKey] ?? throw new InvalidOperationException(
            $"Connection string '{Name}' has no value. Set configuration key '{ConfigurationKey}' (or ConnectionStrings__{Name}).");
}
