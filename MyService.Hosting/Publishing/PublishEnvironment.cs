using System.Collections.Frozen;
using System.Globalization;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.OpenTelemetry;
using MyService.Hosting.Sqlite;

namespace MyService.Hosting.Publishing;

/// <summary>
/// A project's environment in publish form, with the names the services read (docs/ARCHITECTURE.md) and deployed
/// values: no localhost URLs (except the sidecar's OTLP endpoint), no local paths, no parameter values. It comes from
/// the project's own environment callbacks, run in publish mode, and from what it references (relationships of type
/// "Reference"): a SQLite database is an EFS volume, a table an IAM-scoped dependency.
/// </summary>
internal sealed class PublishEnvironment
{
    /// <summary>
    /// What Aspire injects to wire a project up on this machine, and what this environment publishes instead:
    /// the listening port as ASPNETCORE_HTTP_PORTS, forwarded headers only behind a load balancer, telemetry to the
    /// sidecar. The OTEL_DOTNET_EXPERIMENTAL_ switches tune the SDK for the local dashboard.
    /// </summary>
    private static readonly FrozenSet<string> HostWiring = new[]
    {
        "ASPNETCORE_URLS", "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORT", "ASPNETCORE_HTTPS_PORTS",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DOTNET_LAUNCH_PROFILE",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] HostWiringPrefixes = ["OTEL_DOTNET_EXPERIMENTAL_", "Kestrel__Endpoints__"];

    private readonly SortedDictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SecretReference> _secrets = new(StringComparer.Ordinal);
    private readonly List<PublishedVolume> _volumes = [];
    private readonly List<PublishedDependency> _dependencies = [];
    private readonly List<string> _omitted = [];
    private readonly string _applicationName;

    private PublishEnvironment(string applicationName) => _applicationName = applicationName;

    public IReadOnlyDictionary<string, string> Variables => _variables;

    public IReadOnlyList<SecretReference> Secrets => [.. _secrets.Values];

    public IReadOnlyList<PublishedVolume> Volumes => _volumes;

    public IReadOnlyList<PublishedDependency> Dependencies => [.. _dependencies.OrderBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>Variables left out because nothing deployed answers to them, with why (for the log).</summary>
    public IReadOnlyList<string> Omitted => _omitted;

    public bool HasCollector { get; private init; }

    public static async Task<PublishEnvironment> BuildAsync(
        ProjectResource project, PublishContext context, ServiceEndpoint? endpoint, bool loadBalanced, FsdServiceOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(context);
        var published = new PublishEnvironment(context.ApplicationName) { HasCollector = context.Model.Resources.OfType<OpenTelemetryCollectorResource>().Any() };
        published.AddPlatformVariables(project, endpoint, loadBalanced);
        await published.AddCallbackVariablesAsync(project, context, cancellationToken);
        var referenced = project.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource).Distinct();
        foreach (var resource in referenced)
        {
            published.AddReference(project, resource, settings);
        }

        return published;
    }

    private void AddPlatformVariables(ProjectResource project, ServiceEndpoint? endpoint, bool loadBalanced)
    {
        _variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        _variables["DOTNET_ENVIRONMENT"] = "Production";
        if (endpoint is not null)
        {
            _variables["ASPNETCORE_HTTP_PORTS"] = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        }

        if (loadBalanced)
        {
            // Behind the ALB: the scheme and client address come from X-Forwarded-*.
            _variables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        }

        if (HasCollector)
        {
            _variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = DeploymentDefaults.SidecarOtlpEndpoint;
            _variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            _variables["OTEL_SERVICE_NAME"] = project.Name;
            _variables["OTEL_RESOURCE_ATTRIBUTES"] = $"deployment.environment={DeploymentDefaults.EnvironmentPlaceholder}";
        }
    }

    /// <summary>The project's WithEnvironment and WithReference callbacks, evaluated in publish mode as Aspire's own publishers do.</summary>
    private async Task AddCallbackVariablesAsync(ProjectResource project, PublishContext context, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var callbackContext = new EnvironmentCallbackContext(context.ExecutionContext, project, values, cancellationToken);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(callbackContext);
        }

        foreach (var (name, value) in values.Where(v => !IsHostWiring(v.Key)))
        {
            var mapped = context.Values.Map(project, name, value);
            switch (mapped.Kind)
            {
                case PublishedValueKind.Secret:
                    _secrets[name] = new SecretReference(name, SecretArn(mapped.Text));
                    _variables.Remove(name);
                    break;
                case PublishedValueKind.Plain:
                    _variables[name] = mapped.Text;
                    break;
                default:
                    _omitted.Add($"{name}: {mapped.Text}");
                    break;
            }
        }
    }

    private static bool IsHostWiring(string name) =>
        HostWiring.Contains(name) || HostWiringPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    // Per resource kind, because what a reference becomes in AWS (EFS, a DynamoDB table and its IAM actions) is a
    // deployment decision, not something the resource offers in run mode.
    private void AddReference(ProjectResource project, IResource referenced, FsdServiceOptions settings)
    {
        switch (referenced)
        {
            case SqliteResource sqlite:
                AddSqlite(project, sqlite);
                break;
            case DynamoDBTableResource table:
                AddTable(table, settings);
                break;
            case DynamoDBLocalResource:
                // Its endpoint and dummy credentials are injected in run mode only; on ECS the SDK finds DynamoDB and the task role itself.
                break;
            case ProjectResource or ParameterResource or IResourceWithConnectionString:
                // Their variables came through the callbacks above: service URLs, parameters, secret connection strings.
                break;
            default:
                throw new DistributedApplicationException(
                    $"'{project.Name}' references '{referenced.Name}' ({referenced.GetType().Name}), which has no published form.");
        }
    }

    private void AddSqlite(ProjectResource project, SqliteResource sqlite)
    {
        if (_volumes.Count > 0)
        {
            throw new DistributedApplicationException($"'{project.Name}' references more than one SQLite database; publish supports one data volume per service.");
        }

        if (!sqlite.HasDataVolume)
        {
            return;
        }

        _volumes.Add(new PublishedVolume(sqlite.Name, Placeholders.Of(sqlite.Name, "FILE_SYSTEM_ID"), "/", DeploymentDefaults.DataMountPath));
        _dependencies.Add(new PublishedDependency(
            "aws_efs_file_system", $"{_applicationName}-{sqlite.Name}-{DeploymentDefaults.EnvironmentPlaceholder}", DeploymentDefaults.EfsClient, [], []));
    }

    /// <summary>The table's variable names the deployed, per-environment table (the callback gave the local name).</summary>
    private void AddTable(DynamoDBTableResource table, FsdServiceOptions settings)
    {
        var name = $"{table.TableName}-{DeploymentDefaults.EnvironmentPlaceholder}";
        _variables[table.TableNameVariable] = name;
        var permissions = settings.TablePermissions.TryGetValue(table.Name, out var chosen) ? chosen : DeploymentDefaults.DynamoDBReadWrite;
        List<AttributeDefinition> attributes = [new(table.PartitionKey, "S")];
        List<KeySchemaElement> keySchema = [new(table.PartitionKey, "HASH")];
        if (table.SortKey is { } sortKey)
        {
            attributes.Add(new(sortKey, "S"));
            keySchema.Add(new(sortKey, "RANGE"));
        }

        _dependencies.Add(new PublishedDependency("aws_dynamodb_table", name, [.. permissions.Order(StringComparer.Ordinal)], attributes, keySchema));
    }

    /// <summary>A full Secrets Manager ARN; region and account are deploy-time placeholders, the secret named per environment.</summary>
    private string SecretArn(string name) =>
        $"arn:aws:secretsmanager:${{AWS_REGION}}:${{AWS_ACCOUNT_ID}}:secret:{_applicationName}/{DeploymentDefaults.EnvironmentPlaceholder}/{name}";
}
