using MyService.Hosting.Publishing.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>
/// Validates an FSD v1 service file, generated or hand-edited: its shape (unknown fields), the value ranges AWS
/// enforces, the deployment rules (docs/DEPLOYMENT.md, "Validation rules"), and, when the model has the service, that the file agrees with it.
/// </summary>
internal sealed class FsdValidator
{
    private readonly ProblemList _problems;
    private readonly YamlView _yaml;
    private readonly PublishedService? _expected;

    private FsdValidator(ProblemList problems, YamlNode root, PublishedService? expected)
    {
        _problems = problems;
        _yaml = new YamlView(root, problems);
        _expected = expected;
    }

    /// <param name="expected">The service as the app model publishes it; null when the model has no such service.</param>
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService? expected)
    {
        var problems = new ProblemList(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Error("(file)", (int)ex.Start.Line, $"is not valid YAML: {ex.Message}", "fix the YAML syntax at that line.");
            return problems.Problems;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Error("(file)", 1, "is not one YAML mapping.", "an FSD file is one document starting with apiVersion: fsd/v1.");
            return problems.Problems;
        }

        FsdSchema.Root.Check(root, "", problems);
        new FsdValidator(problems, root, expected).Run();
        return problems.Problems;
    }

    private void Run()
    {
        Expect("apiVersion", "fsd/v1");
        Expect("kind", "Service");
        Expect("service.type", "ecs");
        CheckMetadata();
        var port = CheckPortAndHealth();
        CheckResources();
        CheckEnvironmentAndSecrets();
        CheckNetworking(port);
        CheckObservability();
        FsdDependencyChecks.Check(_yaml, _problems);
    }

    private void Expect(string path, string value)
    {
        if (_yaml.Require(path, $"set {path}: {value}.") && _yaml.Text(path) != value)
        {
            _problems.Error(path, _yaml.Line(path), $"is '{_yaml.Text(path)}', expected '{value}'.", $"set {path}: {value}.");
        }
    }

    private void CheckMetadata()
    {
        _yaml.Require("metadata.name", "set metadata.name, e.g. myservice-api.");

        _yaml.Require("metadata.pack", "set metadata.pack (the FSD pack the service is deployed with, e.g. dotnet).");
        if (_yaml.Node("metadata.owner") is null && YamlView.Texts(_yaml.Root, "metadata.owners").Count == 0)
        {
            _problems.Error("metadata.owners", _yaml.Line("metadata"), "no owner: nobody is paged for this service.",
                "set metadata.owners (in the app model: PublishAsFsdService(o => o.Owners.Add(\"team\"))).");
        }
    }

    private int? CheckPortAndHealth()
    {
        var port = _yaml.Number("service.port");
        if (port is { } p)
        {
            DeploymentRules.Range(_problems, "service.port", _yaml.Line("service.port"), p, 1, 65535, "");
        }

        if (_expected is not null && port != _expected.Port)
        {
            _problems.Error("service.port", _yaml.Line("service.port"),
                _expected.Port is null ? $"is {port}, but '{_expected.ResourceName}' is not load balanced in the app model (no HTTP endpoint, or LoadBalanced = false)." : $"is {port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, but the app listens on {_expected.Port} (the model's endpoint).",
                _expected.Port is null ? "remove service.port." : $"set service.port: {_expected.Port}, or change the endpoint in the app model and publish again.");
        }

        var hasHealthCheck = _yaml.Node("service.healthCheck") is not null;
        if (port is not null && !hasHealthCheck)
        {
            _problems.Error("service.healthCheck", _yaml.Line("service"), "is missing: the load balancer could not tell a broken task.", "add service.healthCheck with the path of the app's health endpoint.");
        }

        if (!hasHealthCheck)
        {
            return port;
        }

        var path = _yaml.Text("service.healthCheck.path");
        var expectedPath = _expected?.LoadBalancerHealthCheck?.Path;
        if (path is null || !path.StartsWith('/'))
        {
            _problems.Error("service.healthCheck.path", _yaml.Line("service.healthCheck.path"), $"'{path}' is not a URL path.", "set it to the app's health endpoint, e.g. /health.");
        }
        else if (expectedPath is not null && path != expectedPath)
        {
            _problems.Error("service.healthCheck.path", _yaml.Line("service.healthCheck.path"),
                $"is '{path}', but the app's health endpoint is '{expectedPath}' (the app model's WithHttpProbe or PublishAsFsdService HealthCheckPath, default /health).",
                $"set service.healthCheck.path: {expectedPath}, or change the path in the app model and publish again.");
        }

        var interval = RangeOf("service.healthCheck.interval", 5, 300, " seconds");
        var timeout = RangeOf("service.healthCheck.timeout", 2, 120, " seconds");
        if (interval is not null && timeout >= interval)
        {
            _problems.Error("service.healthCheck.timeout", _yaml.Line("service.healthCheck.timeout"), $"{timeout} is not below the interval {interval}.", "make the timeout shorter than the interval.");
        }

        RangeOf("service.healthCheck.healthyThreshold", 2, 10, "");
        RangeOf("service.healthCheck.unhealthyThreshold", 2, 10, "");
        return port;
    }

    private void CheckResources()
    {
        var (cpu, memory) = (Required("service.resources.cpu"), Required("service.resources.memory"));
        if (cpu is not null && memory is not null)
        {
            DeploymentRules.FargateSize(_problems, "service.resources.cpu", _yaml.Line("service.resources.cpu"), cpu.Value, memory.Value);
        }

        var (desired, min, max) = (Required("service.resources.desiredCount"), Required("service.resources.minCapacity"), Required("service.resources.maxCapacity"));
        if (desired is not null && min is not null && max is not null)
        {
            DeploymentRules.Counts(_problems, "service.resources", _yaml.Line("service.resources"), min.Value, desired.Value, max.Value);
        }

        var (minCount, maxCount) = (_yaml.Number("service.autoScaling.minCount"), _yaml.Number("service.autoScaling.maxCount"));
        if (minCount is not null && maxCount is not null && minCount > maxCount)
        {
            _problems.Error("service.autoScaling", _yaml.Line("service.autoScaling"), $"minCount {minCount} is above maxCount {maxCount}.", "make minCount <= maxCount.");
        }

        if (_yaml.Node("service.autoScaling.targetCPU") is not null && _yaml.Node("service.autoScaling.targetCPUUtilization") is not null)
        {
            _problems.Error("service.autoScaling.targetCPUUtilization", _yaml.Line("service.autoScaling.targetCPUUtilization"), "both targetCPU and targetCPUUtilization are set.", "keep one of them.");
        }

        foreach (var target in new[] { "targetCPU", "targetCPUUtilization", "targetMemoryUtilization" })
        {
            RangeOf($"service.autoScaling.{target}", 1, 100, " percent");
        }

        RangeOf("service.autoScaling.scaleInCooldown", 0, 3600, " seconds");
        RangeOf("service.autoScaling.scaleOutCooldown", 0, 3600, " seconds");

        if (UsesSqlite())
        {
            foreach (var (field, count) in new[] { ("service.resources.desiredCount", desired), ("service.resources.minCapacity", min), ("service.resources.maxCapacity", max), ("service.autoScaling.maxCount", maxCount) })
            {
                if (count is not null)
                {
                    DeploymentRules.SingleSqliteTask(_problems, field, _yaml.Line(field), count.Value);
                }
            }
        }
    }

    private void CheckEnvironmentAndSecrets()
    {
        var environment = _yaml.Node("service.environment") as YamlMappingNode;
        var variables = environment?.Children
            .Select(p => new FoundVariable(((YamlScalarNode)p.Key).Value ?? "", (p.Value as YamlScalarNode)?.Value ?? "", $"service.environment.{p.Key}", (int)p.Key.Start.Line))
            .ToList() ?? [];
        var traces = _yaml.Flag("service.observability.traces.enabled") == true ? _yaml.Text("service.observability.traces.otlpEndpoint") : null;
        var mountPaths = _yaml.Items("service.volumes").Select(v => YamlView.Text(v, "mountPath")).OfType<string>().ToList();
        DeploymentRules.Environment(_problems, variables, traces, mountPaths);

        var index = 0;
        foreach (var secret in _yaml.Items("service.secrets"))
        {
            var field = $"service.secrets[{index++}]";
            var name = YamlView.Text(secret, "name");
            DeploymentRules.SecretArn(_problems, $"{field}.valueFrom", (int)secret.Start.Line, YamlView.Text(secret, "valueFrom"));
            if (name is not null && variables.Any(v => v.Name == name))
            {
                _problems.Error($"{field}.name", (int)secret.Start.Line, $"'{name}' is also in service.environment, where its value would be plain text.", $"remove {name} from service.environment.");
            }
        }
    }

    private void CheckNetworking(int? port)
    {
        if (_yaml.Flag("service.networking.vpc") != true)
        {
            _problems.Error("service.networking.vpc", _yaml.Line("service.networking.vpc"), "is not true: the tasks would not run in the VPC's private subnets.", "set service.networking.vpc: true.");
        }

        var hasLoadBalancer = _yaml.Node("service.networking.loadBalancer") is not null;
        if (port is null && hasLoadBalancer)
        {
            _problems.Error("service.networking.loadBalancer", _yaml.Line("service.networking.loadBalancer"),
                "a service without an HTTP endpoint to balance (no service.port: a worker) has nothing to put behind a load balancer.", "remove service.networking.loadBalancer (and service.port).");
        }
        else if (port is not null && !hasLoadBalancer)
        {
            _problems.Error("service.networking.loadBalancer", _yaml.Line("service.networking"), "is missing for a service with a port.", "add loadBalancer: {type: application, internal: true}.");
        }

        if (!hasLoadBalancer)
        {
            return;
        }

        var isInternal = _yaml.Flag("service.networking.loadBalancer.internal");
        if (isInternal != true && _expected is { IsExternal: false })
        {
            _problems.Error("service.networking.loadBalancer.internal", _yaml.Line("service.networking.loadBalancer.internal"),
                "the load balancer is public, but the app model's endpoint is not external.",
                "set internal: true, or mark the endpoint external in the app model (WithExternalHttpEndpoints()) and publish again.");
        }

        if (isInternal == false && _yaml.Text("service.networking.loadBalancer.certificateArn") is not { } certificate)
        {
            _problems.Error("service.networking.loadBalancer.certificateArn", _yaml.Line("service.networking.loadBalancer"),
                "a public load balancer without a certificate would serve plain HTTP on the internet.", "set certificateArn to an ACM certificate ARN (PublishAsFsdService(o => o.CertificateArn = ...)).");
        }
        else if (isInternal == false && !_yaml.Text("service.networking.loadBalancer.certificateArn")!.StartsWith("arn:aws:acm:", StringComparison.Ordinal))
        {
            _problems.Error("service.networking.loadBalancer.certificateArn", _yaml.Line("service.networking.loadBalancer.certificateArn"), "is not an ACM certificate ARN.", "use arn:aws:acm:REGION:ACCOUNT:certificate/ID.");
        }
    }

    private void CheckObservability()
    {
        DeploymentRules.LogRetention(_problems, "service.observability.logs.retention", _yaml.Line("service.observability.logs.retention"), _yaml.Number("service.observability.logs.retention"));
        if (_yaml.Flag("service.observability.traces.enabled") == true && _yaml.Text("service.observability.traces.otlpEndpoint") is null)
        {
            _problems.Error("service.observability.traces.otlpEndpoint", _yaml.Line("service.observability.traces"), "traces are enabled but have no endpoint.", $"set otlpEndpoint: {DeploymentDefaults.SidecarOtlpEndpoint} (the ADOT sidecar).");
        }

        var index = 0;
        foreach (var volume in _yaml.Items("service.volumes"))
        {
            var field = $"service.volumes[{index++}]";
            if (YamlView.Text(volume, "efs.fileSystemId") is null)
            {
                _problems.Error($"{field}.efs.fileSystemId", (int)volume.Start.Line, "is missing: only EFS volumes outlive a Fargate task.", "set efs.fileSystemId (a ${...} placeholder is fine).");
            }

            if (YamlView.Text(volume, "mountPath") is not { } mount || !mount.StartsWith('/'))
            {
                _problems.Error($"{field}.mountPath", (int)volume.Start.Line, "is not an absolute path.", $"set mountPath, e.g. {DeploymentDefaults.DataMountPath}.");
            }
        }
    }

    private bool UsesSqlite() =>
        _expected?.UsesSqlite == true
        || (_yaml.Node("service.environment") as YamlMappingNode)?.Children.Values.OfType<YamlScalarNode>().Any(v => v.Value?.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) == true) == true;

    private int? Required(string path) => _yaml.Require(path, $"set {path}.") ? _yaml.Number(path) : null;

    private int? RangeOf(string path, int min, int max, string unit)
    {
        var value = _yaml.Number(path);
        if (value is { } v)
        {
            DeploymentRules.Range(_problems, path, _yaml.Line(path), v, min, max, unit);
        }

        return value;
    }
}
