using System.Globalization;

namespace MyService.Hosting.Publishing.Model;

internal enum PublishedValueKind
{
    /// <summary>A value in plain environment (possibly with <c>${...}</c> placeholders filled in at deploy time).</summary>
    Plain,

    /// <summary>A Secrets Manager secret; the text is the secret's name.</summary>
    Secret,

    /// <summary>Nothing on ECS answers to it (an endpoint the service does not publish); the text says why.</summary>
    Omitted,
}

/// <summary>What one environment value of the model becomes in the published files.</summary>
internal sealed record PublishedValue(PublishedValueKind Kind, string Text)
{
    public static PublishedValue Plain(string text) => new(PublishedValueKind.Plain, text);

    public static PublishedValue Secret(string name) => new(PublishedValueKind.Secret, name);

    public static PublishedValue Omitted(string why) => new(PublishedValueKind.Omitted, why);
}

/// <summary>
/// Maps the values that environment callbacks produce in publish mode (as Aspire's Docker Compose publisher maps
/// them) onto deployed values. No value is ever resolved: a parameter becomes a placeholder or, when secret, a
/// Secrets Manager reference, so a local value (user secrets, appsettings) cannot reach a published file.
/// </summary>
internal sealed class PublishedValues(IReadOnlyDictionary<IResource, ServiceEndpoint> publishedEndpoints, IReadOnlyDictionary<IResource, string> connectionStrings)
{
    public PublishedValue Map(IResource owner, string variable, object? value)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return value switch
        {
            null => PublishedValue.Plain(""),
            string text => PublishedValue.Plain(text),
            ParameterResource { Secret: true } secret => PublishedValue.Secret(secret.Name),
            ParameterResource parameter => PublishedValue.Plain(Placeholders.Of(parameter.Name)),
            ConnectionStringReference reference => ConnectionString(reference.Resource),
            IResourceWithConnectionString resource => ConnectionString(resource),
            EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url),
            EndpointReferenceExpression expression => Endpoint(expression.Endpoint, expression.Property),
            ReferenceExpression expression => Expression(owner, variable, expression),
            _ => throw NoPublishedForm(owner, variable, value.GetType().Name),
        };
    }

    /// <summary>What the resource declares (<see cref="EcsDeploymentContext.ConnectionString"/>), else a secret: a connection string carries credentials.</summary>
    private PublishedValue ConnectionString(IResourceWithConnectionString resource) =>
        connectionStrings.TryGetValue(resource, out var declared) ? PublishedValue.Plain(declared) : PublishedValue.Secret(resource.Name);

    /// <summary>Another service's address is known at deploy time only (its load balancer): a placeholder per endpoint.</summary>
    private PublishedValue Endpoint(EndpointReference endpoint, EndpointProperty property)
    {
        var resource = endpoint.Resource;
        if (!publishedEndpoints.TryGetValue(resource, out var published) || published.Name != endpoint.EndpointName)
        {
            return PublishedValue.Omitted($"'{resource.Name}' publishes no endpoint '{endpoint.EndpointName}'");
        }

        string Placeholder(string part) => Placeholders.Of(resource.Name, published.Name, part);
        return PublishedValue.Plain(property switch
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
        if (expression.IsConditional)
        {
            throw NoPublishedForm(owner, variable, "conditional ReferenceExpression");
        }

        var parts = expression.ValueProviders.Select(v => Map(owner, variable, v)).ToList();
        if (parts.FirstOrDefault(p => p.Kind == PublishedValueKind.Omitted) is { } omitted)
        {
            return omitted;
        }

        if (parts.Any(p => p.Kind == PublishedValueKind.Secret))
        {
            return PublishedValue.Secret(variable);
        }

        return PublishedValue.Plain(string.Format(CultureInfo.InvariantCulture, expression.Format, [.. parts.Select(p => p.Text)]));
    }

    private static DistributedApplicationException NoPublishedForm(IResource owner, string variable, string kind) =>
        new($"'{owner.Name}' sets {variable} to a {kind}, which has no published form: use a string, a parameter, a reference or an endpoint.");
}
