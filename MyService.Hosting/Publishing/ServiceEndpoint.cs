using System.Globalization;
using System.Text.Json;

namespace MyService.Hosting.Publishing;

/// <summary>
/// The one HTTP endpoint a service publishes and the container port it listens on. The load balancer terminates TLS,
/// so the service listens on plain HTTP: the endpoint named or scheme <c>http</c> wins over <c>https</c>.
/// </summary>
internal sealed record ServiceEndpoint(string Name, string Scheme, int Port, bool IsExternal)
{
    /// <summary>What a .NET container image listens on when nothing else says (<c>ASPNETCORE_HTTP_PORTS</c> of the images).</summary>
    public const int ContainerDefaultPort = 8080;

    private static readonly JsonSerializerOptions LaunchSettingsJson = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Null for a project without an HTTP endpoint. The port is the endpoint's target port, else its port, else (in
    /// publish mode Aspire gives the endpoints it makes from launchSettings.json no port) the port of that scheme in the
    /// launch profile's applicationUrl, else <see cref="ContainerDefaultPort"/>.
    /// </summary>
    public static ServiceEndpoint? Of(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var endpoints = project.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https").ToList();
        var endpoint = endpoints.FirstOrDefault(e => e.Name == "http") ?? endpoints.FirstOrDefault(e => e.UriScheme == "http") ?? endpoints.FirstOrDefault();
        if (endpoint is null)
        {
            return null;
        }

        var port = endpoint.TargetPort ?? endpoint.Port ?? LaunchProfilePort(project, endpoint.UriScheme) ?? ContainerDefaultPort;
        return new ServiceEndpoint(endpoint.Name, endpoint.UriScheme, port, endpoint.IsExternal);
    }

    /// <summary>The profile Aspire runs the project with: the named one, else the default one when the project has it, else the first.</summary>
    private static int? LaunchProfilePort(ProjectResource project, string scheme)
    {
        if (project.HasAnnotationOfType<ExcludeLaunchProfileAnnotation>() || LaunchSettingsOf(project) is not { Profiles.Count: > 0 } settings)
        {
            return null;
        }

        var wanted = project.Annotations.OfType<LaunchProfileAnnotation>().LastOrDefault()?.LaunchProfileName
            ?? project.Annotations.OfType<DefaultLaunchProfileAnnotation>().LastOrDefault()?.LaunchProfileName;
        var profile = wanted is not null && settings.Profiles.TryGetValue(wanted, out var named)
            ? named
            : settings.Profiles.Values.FirstOrDefault(p => p.CommandName is null or "" or "Project" or "Executable");
        var url = (profile?.ApplicationUrl ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith($"{scheme}://", StringComparison.OrdinalIgnoreCase));
        return url is null ? null : PortOf(url);
    }

    private static LaunchSettings? LaunchSettingsOf(ProjectResource project)
    {
        var metadata = project.Annotations.OfType<IProjectMetadata>().LastOrDefault();
        if (metadata?.LaunchSettings is { } settings)
        {
            return settings;
        }

        var file = metadata is null ? null : Path.Combine(Path.GetDirectoryName(metadata.ProjectPath) ?? ".", "Properties", "launchSettings.json");
        return file is not null && File.Exists(file) ? JsonSerializer.Deserialize<LaunchSettings>(File.ReadAllText(file), LaunchSettingsJson) : null;
    }

    /// <summary><c>http://localhost:8000</c>, <c>http://*:8000/</c> and <c>http://+:8000</c> -> 8000.</summary>
    private static int? PortOf(string url)
    {
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
