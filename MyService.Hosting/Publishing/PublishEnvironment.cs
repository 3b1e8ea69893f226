using Microsoft.Extensions.Configuration;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.OpenTelemetry;
using MyService.Hosting.Sqlite;

namespace MyService.Hosting.Publishing;

/// <summary>
/// A project's environment in publish form: the names of DESIGN §5 with deployed values. No localhost URLs (except
/// the sidecar's OTLP endpoint), no local paths, no parameter values: secret parameters become Secrets Manager
/// references, other parameters and other services' URLs become placeholders filled in at deploy time.
/// </summary>
internal sealed class PublishEnvironment(DistributedApplicationModel model, DistributedApplicationOptions options, string applicationName)
{
    private readonly SortedDictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SecretReference> _secrets = new(StringComparer.Ordinal);
    private readonly List<PublishedVolume> _volumes = [];
    private readonly List<PublishedDependency> _dependencies = [];

    public IReadOnlyDictionary<string, string> Variables => _variables;

    public IReadOnlyList<SecretReference> Secrets => [.. _secrets.Values];

    public IReadOnlyList<PublishedVolume> Volumes => _volumes;

    public IReadOnlyList<PublishedDependency> Dependencies => [.. _dependencies.OrderBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)];

    public bool HasCollector => model.Resources.OfType<OpenTelemetryCollectorResource>().Any();

    public void Build(ProjectResource project, int? port, bool loadBalanced, FsdServiceOptions settings)
    {
        _variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        _variables["DOTNET_ENVIRONMENT"] = "Production";
        if (port is { } p)
        {
            _variables["ASPNETCORE_HTTP_PORTS"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

        foreach (var reference in project.Annotations.OfType<ResourceReferenceAnnotation>())
        {
            AddReference(project, reference.Resource, settings);
        }

        AddCallbackVariables(project);
    }

    // Per resource kind, because what a reference becomes in AWS (EFS, a DynamoDB table and its IAM actions, a
    // Secrets Manager secret) is a deployment decision, not something the resource offers in run mode.
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
                // The endpoint and dummy credentials are DynamoDB Local's; on ECS the SDK finds DynamoDB and the task role itself.
                break;
            case ProjectResource service:
                foreach (var endpoint in service.Annotations.OfType<EndpointAnnotation>())
                {
                    var url = Placeholders.Of(service.Name, endpoint.Name, "URL");
                    foreach (var variable in ProjectResource.ReferenceVariables(service.Name, endpoint.Name))
                    {
                        _variables[variable] = url;
                    }
                }

                break;
            case ConnectionStringResource connectionString:
                // A connection string carries credentials: always a secret.
                _secrets[$"ConnectionStrings__{connectionString.Name}"] = new($"ConnectionStrings__{connectionString.Name}", SecretArn(connectionString.Name));
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

        // Without WithDataVolume the file would be on the task's ephemeral disk; the path is still published, so
        // validation can say what is wrong (SQLite data must be on a persistent volume).
        var directory = sqlite.HasDataVolume ? DeploymentDefaults.DataMountPath : "/tmp";
        _variables[$"ConnectionStrings__{sqlite.Name}"] = $"Data Source={directory}/{sqlite.DatabaseFileName}";
        if (!sqlite.HasDataVolume)
        {
            return;
        }

        _volumes.Add(new PublishedVolume(sqlite.Name, Placeholders.Of(sqlite.Name, "FILE_SYSTEM_ID"), "/", DeploymentDefaults.DataMountPath));
        _dependencies.Add(new PublishedDependency(
            "aws_efs_file_system", $"{applicationName}-{sqlite.Name}-{DeploymentDefaults.EnvironmentPlaceholder}", DeploymentDefaults.EfsClient, [], []));
    }

    private void AddTable(DynamoDBTableResource table, FsdServiceOptions settings)
    {
        var name = $"{table.TableName}-{DeploymentDefaults.EnvironmentPlaceholder}";
        _variables[$"AWS__Resources__{table.Name}__TableName"] = name;
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

    /// <summary>
    /// WithEnvironment values. The callbacks run against a configuration that holds only placeholders, so a
    /// parameter's local value (from user secrets or appsettings) can never reach a published file.
    /// </summary>
    private void AddCallbackVariables(ProjectResource project)
    {
        var parameters = model.Resources.OfType<ParameterResource>().ToList();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(parameters.Select(p => KeyValuePair.Create<string, string?>(p.ConfigurationKey, Placeholders.Of(p.Name))))
            .Build();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(new ResourceRunContext(options, configuration), variables);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        var secretVariables = project.Annotations.OfType<EnvironmentParameterAnnotation>().Where(a => a.Parameter.Secret)
            .ToDictionary(a => a.Name, a => a.Parameter, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (secretVariables.TryGetValue(name, out var parameter))
            {
                _secrets[name] = new SecretReference(name, SecretArn(parameter.Name));
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }
    }

    /// <summary>A full Secrets Manager ARN; region and account are deploy-time placeholders, the secret named per environment.</summary>
    private string SecretArn(string name) =>
        $"arn:aws:secretsmanager:${{AWS_REGION}}:${{AWS_ACCOUNT_ID}}:secret:{applicationName}/{DeploymentDefaults.EnvironmentPlaceholder}/{name}";
}
