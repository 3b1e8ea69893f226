using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.ApplicationModel;

/// <summary>A value from configuration <c>Parameters:{name}</c>; a secret one is never printed.</summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name), IResourceWithWaitSupport
{
    public bool Secret { get; } = secret;

    public string ConfigurationKey => $"Parameters:{Name}";

    /// <exception cref="MissingParameterValueException">When configuration has no value for it.</exception>
    public string GetValue(IConfiguration configuration) =>
        configuration[ConfigurationKey] ?? throw new MissingParameterValueException(this);
}

public sealed class MissingParameterValueException(ParameterResource parameter)
    : InvalidOperationException(
        $"Parameter '{parameter.Name}' has no value. Set configuration key '{parameter.ConfigurationKey}' " +
        $"(appsettings.json, user secrets, or the environment variable Parameters__{parameter.Name}).");
