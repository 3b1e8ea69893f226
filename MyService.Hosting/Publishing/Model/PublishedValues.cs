using System.Globalization;

namespace MyService.Hosting.Publishing.Model;

/// <summary>What one environment value of the model becomes: plain text (with <c>${...}</c> placeholders), a Secrets Manager secret (the text is its name), or left out (the text says why).</summary>
internal sealed record PublishedValue(string? Plain, string? Secret = null, string? Omitted = null);

/// <summary>
/// Maps the values environment callbacks produce in publish mode onto deployed values, never resolving one: a parameter
/// becomes a placeholder or a Secrets Manager reference, so a local value (user secrets, appsettings) cannot leak.
/// </summary>
internal sealed class PublishedValues(IReadOnlyDictionary<IResource, ServiceEndpoint> publishedEndpoints, IReadOnlyDictionary<IResource, string> connectionStrings)
{
    public PublishedValue Map(IResource owner, string variable, object? value) => value switch
    {
        null => new(""),
        string text => new(text),
        ParameterResource { Secret: true } secret => new(null, secret.Name),
        ParameterResource parameter => new(Placeholders.Of(parameter.Name)),
        ConnectionStringReference reference => ConnectionString(reference.Resource),
        IResourceWithConnectionString resource => ConnectionString(resource),
        EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url),
        EndpointReferenceExpression expression => Endpoint(expression.Endpoint, expression.Property),
        ReferenceExpression { IsConditional: false } expression => Expression(owner, variable, expression),
        _ => throw new DistributedApplicationException($"'{owner.Name}' sets {variable} to a {(value is ReferenceExpression ? "conditional ReferenceExpression" : value.GetType().Name)}, " +
            "which has no published form: use a string, a parameter, a reference or an endpoint."),
    };

    /// <summary>What the resource declares (<see cref="EcsDeploymentContext.ConnectionString"/>), else a secret: a connection string carries credentials.</summary>
    private PublishedValue ConnectionString(IResourceWithConnectionString resource) =>
        connectionStrings.TryGetValue(resource, out var declared) ? new(declared) : new(null, resource.Name);

    /// <summary>Another service's address is known at deploy time only (its load balancer): a placeholder per endpoint.</summary>
    private PublishedValue Endpoint(EndpointReference endpoint, EndpointProperty property)
    {
        var resource = endpoint.Resource;
        if (!publishedEndpoints.TryGetValue(resource, out var published) || published.Name != endpoint.EndpointName)
        {
            return new(null, Omitted: $"'{resource.Name}' publishes no endpoint '{endpoint.EndpointName}'");
        }

        string Placeholder(string part) => Placeholders.Of(resource.Name, published.Name, part);
        return new(property switch
        {
            EndpointProperty.Url => Placeholder("URL"),
            EndpointProperty.Host or EndpointProperty.IPV4Host => Placeholder("HOST"),
            EndpointProperty.Port => Placeholder("PORT"),
            EndpointProperty.HostAndPort => $"{Placeholder("HOST")}:{Placeholder("PORT")}",
            EndpointProperty.TargetPort => published.Port.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => published.Scheme,
            _ => throw new DistributedApplicationException($"The {property} of '{resource.Name}' endpoint '{published.Name}' has no published form."),
        });
    }

    /// <summary>Each part mapped; an expression holding a secret is a secret as a whole, stored under the variable's name.</summary>
    private PublishedValue Expression(IResource owner, string variable, ReferenceExpression expression)
    {
        var parts = expression.ValueProviders.Select(v => Map(owner, variable, v)).ToList();
        return parts.FirstOrDefault(p => p.Omitted is not null)
            ?? (parts.Any(p => p.Secret is not null) ? new(null, variable) : new(string.Format(CultureInfo.InvariantCulture, expression.Format, [.. parts.Select(p => p.Plain)])));
    }
}
