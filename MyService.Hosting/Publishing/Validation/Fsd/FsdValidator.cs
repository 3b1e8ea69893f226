using System.Globalization;
using System.Text.RegularExpressions;
using MyService.Hosting.Publishing.Model;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// Validates an FSD v1 file, generated or hand-edited: its shape (<see cref="FsdSchema"/>), each section's rules (docs/DEPLOYMENT.md),
/// and agreement with the model's service if any. A value left out that the platform defaults is never reported: its documents leave them out.
/// </summary>
internal static partial class FsdValidator
{
    private const string Balancer = "service.networking.loadBalancer";

    /// <summary>The dependency types the platform provisions, and the prefix of the IAM actions on each.</summary>
    private static readonly Dictionary<string, string> ActionPrefixes = new(StringComparer.Ordinal)
    {
        ["aws_dynamodb_table"] = "dynamodb:",
        ["aws_efs_file_system"] = "elasticfilesystem:Client",
        ["aws_s3_bucket"] = "s3:",
        ["aws_msk_cluster"] = "kafka-cluster:",
    };

    /// <param name="expected">The service as the app model publishes it; null when the model has no such service.</param>
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService? expected)
    {
        var problems = new ProblemList(file);
        var roots = YamlView.Load(text, problems, "YAML");
        if (roots is not [YamlMappingNode root])
        {
            // Text that is not YAML at all is reported already, by Load.
            problems.ErrorIf(roots is not null, "(file)", 1, "is not one YAML mapping.", "an FSD file is one document starting with apiVersion: fsd/v1.");
            return problems.Problems;
        }

        FsdSchema.Root.Check(root, "", problems);
        var v = new YamlView(root, "", problems);
        Header(v);
        var port = HealthCheck(v, expected);
        Resources(v, expected);
        EnvironmentAndVolumes(v);
        Networking(v, expected, port);
        Observability(v);
        Dependencies(v);
        return problems.Problems;
    }

    /// <summary>The header (what the platform deploys at all) and metadata.</summary>
    private static void Header(YamlView v)
    {
        foreach (var (path, value) in new[] { ("apiVersion", "fsd/v1"), ("kind", "Service"), ("service.type", "ecs") })
        {
            v.Require(path, $"set {path}: {value}.");
            v.ErrorIf(v.Get(path) is not null && v.Text(path) != value, path, $"is '{v.Text(path)}', expected '{value}'.", $"set {path}: {value}.");
        }

        // No ${ENV} rule on metadata.name: `fsd deploy --env` keeps environments apart (log group /ecs/NAME-ENV); the documents never use it.
        v.Require("metadata.name", "set metadata.name, the service's name.");
        v.Require("metadata.pack", "set metadata.pack (the FSD pack the service is deployed with, e.g. dotnet).");
        v.WarningIf(v.Get("metadata.owner") is null && v.Texts("metadata.owners").Count == 0, "metadata.owners", "no owner: nobody is paged for this service.",
            "set metadata.owners (in the app model: PublishAsFsdService(o => o.Owners.Add(\"team\"))).", at: "metadata");
    }

    /// <summary>Against the model, the port and path the app serves (errors: the tasks would fail their checks).</summary>
    /// <returns>The service's port, or null for a service without one (a worker).</returns>
    private static int? HealthCheck(YamlView v, PublishedService? expected)
    {
        var port = v.Number("service.port");
        v.ErrorIf(expected is not null && port != expected.Port, "service.port",
            expected?.Port is null ? $"is {port}, but '{expected?.ResourceName}' is not load balanced in the app model (no HTTP endpoint, or LoadBalanced = false)." : $"is {port?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, but the app listens on {expected.Port} (the model's endpoint).",
            expected?.Port is null ? "remove service.port." : $"set service.port: {expected.Port}, or change the endpoint in the app model and publish again.");
        // The platform then checks with its own default, which may not be an endpoint the app serves.
        v.WarningIf(v.Get("service.healthCheck") is null && port is not null, "service.healthCheck", "is missing: the load balancer checks a default the app may not serve.",
            "add service.healthCheck with the path of the app's health endpoint (000_205a7571b484f349.txt: it must match the application).");
        // Left out, the platform's default path applies (every document gives one; nothing to report without a model).
        var (path, expectedPath) = (v.Text("service.healthCheck.path"), expected?.LoadBalancerHealthCheck?.Path);
        v.ErrorIf(path?.StartsWith('/') == false, "service.healthCheck.path", $"'{path}' is not a URL path: a target group's health check path starts with /.", "set it to the app's health endpoint, e.g. /health.");
        v.ErrorIf(path?.StartsWith('/') == true && expectedPath is not null && path != expectedPath, "service.healthCheck.path",
            $"is '{path}', but the app's health endpoint is '{expectedPath}' (the app model's WithHttpProbe or PublishAsFsdService HealthCheckPath, default /health).",
            $"set service.healthCheck.path: {expectedPath}, or change the path in the app model and publish again.");
        var (interval, timeout) = (v.Number("service.healthCheck.interval"), v.Number("service.healthCheck.timeout"));
        v.ErrorIf(interval is not null && timeout >= interval, "service.healthCheck.timeout", $"{timeout} is not below the interval {interval}.", "make the timeout shorter than the interval.");
        return port;
    }

    /// <summary>Sizes, counts, targets and cooldowns AWS refuses (errors) or that never act (warnings); one task for SQLite (two writers lose data).</summary>
    private static void Resources(YamlView v, PublishedService? expected)
    {
        // Fargate cannot start a task without a size, and no document leaves them out.
        v.Require("service.resources.cpu", "set service.resources.cpu.");
        v.Require("service.resources.memory", "set service.resources.memory.");
        DeploymentRules.FargateSize(v, "service.resources.cpu", v.Number("service.resources.cpu"), v.Number("service.resources.memory"));
        DeploymentRules.Counts(v, "service.resources", v.Number("service.resources.minCapacity"), v.Number("service.resources.desiredCount"), v.Number("service.resources.maxCapacity"));
        var (minCount, maxCount) = (v.Number("service.autoScaling.minCount"), v.Number("service.autoScaling.maxCount"));
        v.ErrorIf(minCount > maxCount, "service.autoScaling", $"minCount {minCount} is above maxCount {maxCount}.", "make minCount <= maxCount.");
        v.WarningIf(v.Get("service.autoScaling.targetCPU") is not null && v.Get("service.autoScaling.targetCPUUtilization") is not null, "service.autoScaling.targetCPUUtilization",
            "both targetCPU and targetCPUUtilization are set: a reader cannot tell which target applies.", "keep one of them.");
        // Application Auto Scaling refuses a target of 0 or less; above 100 percent it accepts one that is never reached.
        foreach (var target in new[] { "service.autoScaling.targetCPU", "service.autoScaling.targetCPUUtilization", "service.autoScaling.targetMemoryUtilization" })
        {
            var percent = v.Number(target);
            v.ErrorIf(percent <= 0, target, $"{percent} is outside the allowed range 1-100 percent: a target tracking policy needs a positive target.", $"set {target} between 1 and 100.");
            v.WarningIf(percent > 100, target, $"{percent} is outside the range 1-100 percent: utilization never reaches it, so the service never scales out.", $"set {target} between 1 and 100.");
        }

        foreach (var cooldown in new[] { "service.autoScaling.scaleInCooldown", "service.autoScaling.scaleOutCooldown" })
        {
            v.ErrorIf(v.Number(cooldown) < 0, cooldown, $"{v.Number(cooldown)} seconds: a cooldown cannot be negative.", $"set {cooldown} to 0 or more seconds.");
        }

        // The service keeps a SQLite database when the model says so, or when a variable names a SQLite file.
        var values = (v.Get("service.environment") as YamlMappingNode)?.Children.Values.OfType<YamlScalarNode>() ?? [];
        if (expected?.SingleTask == true || values.Any(s => DeploymentRules.SqliteFile(s.Value ?? "") is not null))
        {
            foreach (var count in new[] { "service.resources.desiredCount", "service.resources.minCapacity", "service.resources.maxCapacity", "service.autoScaling.maxCount" })
            {
                DeploymentRules.SingleSqliteTask(v, count, v.Number(count));
            }
        }
    }

    /// <summary>
    /// Environment and secrets: all errors (a secret in plain text, 002_508960cd39b0bbae.txt, Pattern 3 pitfalls; a loopback
    /// call that fails; lost SQLite data). Volumes: errors for what cannot be mounted; a warning for one that is not EFS.
    /// </summary>
    private static void EnvironmentAndVolumes(YamlView v)
    {
        var variables = (v.Get("service.environment") as YamlMappingNode)?.Children
            .Select(p => new FoundVariable(((YamlScalarNode)p.Key).Value ?? "", (p.Value as YamlScalarNode)?.Value ?? "", $"service.environment.{p.Key}", (int)p.Key.Start.Line))
            .ToList() ?? [];
        var traces = v.Flag("service.observability.traces.enabled") == true ? v.Text("service.observability.traces.otlpEndpoint") : null;
        // Only an EFS volume outlives the task, so only its mount path holds a SQLite file safely.
        var mountPaths = v.Items("service.volumes").Where(volume => volume.Get("efs") is not null).Select(volume => volume.Text("mountPath")).OfType<string>().ToList();
        DeploymentRules.Environment(v.Problems, variables, traces, mountPaths);
        foreach (var secret in v.Items("service.secrets"))
        {
            var name = secret.Text("name");
            secret.ErrorIf(name is null, "name", "is missing: ECS injects a secret as the variable it names.", "set name to the variable the app reads.", at: "");
            DeploymentRules.SecretArn(secret);
            secret.ErrorIf(name is not null && variables.Any(variable => variable.Name == name), "name",
                $"'{name}' is also in service.environment, where its value would be plain text.", $"remove {name} from service.environment.");
        }

        foreach (var volume in v.Items("service.volumes"))
        {
            volume.WarningIf(volume.Get("efs") is null, "efs", "is missing: the volume is the task's own storage, lost when the task stops.", "mount an EFS file system (efs.fileSystemId; a ${...} placeholder is fine).");
            volume.ErrorIf(volume.Get("efs") is not null && volume.Text("efs.fileSystemId") is null, "efs.fileSystemId",
                "is missing: ECS cannot mount an EFS volume without its file system.", "set efs.fileSystemId (a ${...} placeholder is fine).", at: "");
            volume.ErrorIf(volume.Text("mountPath")?.StartsWith('/') != true, "mountPath", "is not an absolute path: a container mounts a volume only at one.", $"set mountPath, e.g. {DeploymentDefaults.DataMountPath}.", at: "");
        }
    }

    /// <summary>
    /// Public subnets and a public load balancer deploy and run: warnings (002_508960cd39b0bbae.txt, Pattern 2 pitfalls
    /// "Missing VPC", "External ALB by default"). A balancer for a service that listens nowhere, a bad certificate: errors.
    /// </summary>
    private static void Networking(YamlView v, PublishedService? expected, int? port)
    {
        v.WarningIf(v.Flag("service.networking.vpc") != true, "service.networking.vpc", "is not true: the tasks would deploy in public subnets.", "set service.networking.vpc: true.");
        var hasLoadBalancer = v.Get(Balancer) is not null;
        // Its target group has no port to send to or to check: every task would fail its health check.
        v.ErrorIf(port is null && hasLoadBalancer, Balancer,
            "a service without an HTTP endpoint to balance (no service.port: a worker) has nothing to put behind a load balancer.", "remove service.networking.loadBalancer (and service.port).");
        if (port is null)
        {
            return;
        }

        DeploymentRules.CertificateArn(v, $"{Balancer}.certificateArn");
        var isPublic = v.Flag($"{Balancer}.internal") != true;
        // A model whose endpoint is external asks for the public load balancer: nothing to question then.
        v.WarningIf(isPublic && expected is not { IsExternal: true }, hasLoadBalancer ? $"{Balancer}.internal" : Balancer,
            $"the load balancer is public: {(expected is not null ? "the app model's endpoint is not external" : "the platform's load balancer is external unless internal: true")}.",
            expected is not null ? "set internal: true, or mark the endpoint external in the app model (WithExternalHttpEndpoints()) and publish again." : "add loadBalancer: {type: application, internal: true} for service-to-service traffic.");
        v.WarningIf(isPublic && v.Text($"{Balancer}.certificateArn") is null, $"{Balancer}.certificateArn", "a public load balancer without a certificate would serve plain HTTP on the internet.",
            "set certificateArn to an ACM certificate ARN (PublishAsFsdService(o => o.CertificateArn = ...)).");
    }

    /// <summary>A retention CloudWatch refuses: an error. No retention (Pattern 1 pitfall "No retention on logs") or no traces endpoint: warnings.</summary>
    private static void Observability(YamlView v)
    {
        DeploymentRules.LogRetention(v, "service.observability.logs.retention");
        var path = v.Text("service.observability.metrics.path");
        v.ErrorIf(path?.StartsWith('/') == false, "service.observability.metrics.path", $"'{path}' is not a URL path: the scraper would request nothing the app serves.", "set it to the app's metrics endpoint, e.g. /metrics.");
        v.WarningIf(v.Flag("service.observability.traces.enabled") == true && v.Text("service.observability.traces.otlpEndpoint") is null, "service.observability.traces.otlpEndpoint",
            "traces are enabled but have no endpoint.", $"set otlpEndpoint: {DeploymentDefaults.SidecarOtlpEndpoint} (the ADOT sidecar).", at: "service.observability.traces");
    }

    /// <summary>
    /// FSD <c>dependencies</c>: a type the platform provisions and a name (errors); a name per environment and least
    /// privilege (warnings: 002_508960cd39b0bbae.txt, Pattern 5 pitfalls); the DynamoDB key schema and the EFS settings
    /// when they are given (errors: CreateTable and CreateFileSystem refuse malformed ones). An existing table listed
    /// without keySchema or attributes is valid: the documents list tables that way.
    /// </summary>
    private static void Dependencies(YamlView v)
    {
        foreach (var dependency in v.Items("dependencies"))
        {
            var (type, name, mode) = (dependency.Text("type") ?? "", dependency.Text("name"), dependency.Text("performanceMode"));
            dependency.ErrorIf(!ActionPrefixes.ContainsKey(type), "type",
                $"'{type}' is not an FSD dependency type.", "use aws_dynamodb_table, aws_efs_file_system, aws_s3_bucket or aws_msk_cluster.");
            dependency.ErrorIf(name is null, "name", "is missing: the platform cannot tell which resource the service uses.", "set name, e.g. ${ENV}-orders.");
            dependency.WarningIf(name?.Contains(EcsDeploymentContext.EnvironmentPlaceholder, StringComparison.Ordinal) == false, "name",
                $"'{name}' has no ${{ENV}}: every environment would share (and overwrite) this one resource.", "name it per environment, e.g. ${ENV}-NAME or NAME-${ENV}.");
            Permissions(dependency, type);
            if (type == "aws_dynamodb_table" && dependency.Get("keySchema") is not null)
            {
                KeySchema(dependency);
            }

            dependency.ErrorIf(mode is not (null or "generalPurpose" or "maxIO"), "performanceMode", $"'{mode}' is not an EFS performance mode.", "use generalPurpose or maxIO.");
        }
    }

    /// <summary>
    /// IAM refuses an action without its service prefix (an error); everything else it accepts, so least privilege
    /// (Pattern 5 pitfall "Granting full S3 access") is a warning: the service runs, but with more rights than its code uses.
    /// </summary>
    private static void Permissions(YamlView dependency, string type)
    {
        var actions = dependency.Texts("permissions");
        dependency.WarningIf(actions.Count == 0, "permissions", "no permissions: unless the platform grants some itself, the service cannot use this dependency.", "list the actions the service's code calls.");
        var prefix = ActionPrefixes.GetValueOrDefault(type);
        foreach (var action in actions)
        {
            if (!ActionPattern().IsMatch(action))
            {
                dependency.Error("permissions", $"'{action}' is not an IAM action: IAM refuses a policy whose action has no service prefix.", "write it as SERVICE:Action, e.g. dynamodb:GetItem.");
            }
            else if (action.Contains('*', StringComparison.Ordinal))
            {
                dependency.Warning("permissions", $"'{action}' is a wildcard: more than the service needs.", "list the individual actions, e.g. dynamodb:GetItem, dynamodb:PutItem.");
            }
            else if (prefix is not null && !action.StartsWith(prefix, StringComparison.Ordinal))
            {
                dependency.Warning("permissions", $"'{action}' is not an action on a {type} the service uses.", $"use {prefix}* actions only, named one by one.");
            }
            else
            {
                dependency.WarningIf(AdministrationPattern().IsMatch(action), "permissions", $"'{action}' administers the resource; services only use it.", "remove it: FSD creates and changes the resource itself.");
            }
        }
    }

    private static void KeySchema(YamlView dependency)
    {
        var attributes = dependency.Items("attributes").Select(a => (Name: a.Text("name"), Type: a.Text("type"))).ToList();
        var keys = dependency.Items("keySchema").Select(k => (Name: k.Text("attributeName"), Type: k.Text("keyType"))).ToList();
        dependency.ErrorIf(keys.Count(x => x.Type == "HASH") != 1 || keys.Count(x => x.Type == "RANGE") > 1 || keys.Any(x => x.Type is not ("HASH" or "RANGE")), "keySchema",
            "needs exactly one HASH key and at most one RANGE key.", "list keySchema: [{attributeName: pk, keyType: HASH}, {attributeName: sk, keyType: RANGE}].");
        foreach (var key in keys.Where(x => attributes.All(attribute => attribute.Name != x.Name)))
        {
            dependency.Error("attributes", $"key '{key.Name}' has no attribute definition.", $"add {{name: {key.Name}, type: S}} to attributes.");
        }

        foreach (var attribute in attributes.Where(x => x.Type is not ("S" or "N" or "B")))
        {
            dependency.Error("attributes", $"attribute '{attribute.Name}' has type '{attribute.Type}', which DynamoDB does not key on.", "use S (string), N (number) or B (binary).");
        }
    }

    [GeneratedRegex(@"^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@":(Create|Delete|Update)(Table|FileSystem|Bucket|Cluster)|:(Put|Delete)\w*Policy|:TagResource")]
    private static partial Regex AdministrationPattern();
}
