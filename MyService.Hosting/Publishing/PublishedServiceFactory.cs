namespace MyService.Hosting.Publishing;

/// <summary>
/// Turns each project of the model into a <see cref="PublishedService"/>: its settings, else the defaults for its kind.
/// Executables (DynamoDB Local) and the other local resources (the SQLite file, tables, the collector) are not
/// services; what a project references of them becomes part of the project's publish form.
/// </summary>
internal sealed class PublishedServiceFactory
{
    private readonly Dictionary<ProjectResource, (ServiceEndpoint? Endpoint, PublishEnvironment Environment)> _shapes;

    private PublishedServiceFactory(string applicationName, string repositoryRoot, IReadOnlyList<ProjectResource> projects,
        Dictionary<ProjectResource, (ServiceEndpoint?, PublishEnvironment)> shapes)
    {
        ApplicationName = applicationName;
        RepositoryRoot = repositoryRoot;
        Projects = projects;
        _shapes = shapes;
    }

    public string ApplicationName { get; }

    /// <summary>Every service's Dockerfile path is relative to it.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Every project of this environment, in model order: all of them are deployable services.</summary>
    public IReadOnlyList<ProjectResource> Projects { get; }

    /// <summary>Evaluates every project's environment once (in publish mode); <see cref="Create"/> then applies an environment's overrides.</summary>
    public static async Task<PublishedServiceFactory> CreateAsync(
        EcsEnvironmentResource environment, DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, string appHostDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);
        var directory = environment.AppHostDirectory ?? appHostDirectory;
        var applicationName = environment.ApplicationName ?? Placeholders.ApplicationNameFrom(directory);
        List<ProjectResource> projects = [.. model.Resources.OfType<ProjectResource>()
            .Where(p => !p.IsExcludedFromPublish() && (p.GetComputeEnvironment() is null || p.GetComputeEnvironment() == environment))];
        var endpoints = projects.Select(p => (Project: p, Endpoint: ServiceEndpoint.Of(p))).ToList();
        var context = new PublishContext(model, executionContext, applicationName,
            new PublishedValues(endpoints.Where(e => e.Endpoint is not null).ToDictionary(e => (IResource)e.Project, e => e.Endpoint!)));

        var shapes = new Dictionary<ProjectResource, (ServiceEndpoint?, PublishEnvironment)>();
        foreach (var (project, endpoint) in endpoints)
        {
            var settings = SettingsOf(project);
            var published = await PublishEnvironment.BuildAsync(project, context, endpoint, loadBalanced: endpoint is not null && settings.LoadBalanced != false, settings, cancellationToken);
            shapes[project] = (endpoint, published);
        }

        return new PublishedServiceFactory(applicationName, environment.RepositoryRoot ?? FindRepositoryRoot(directory), projects, shapes);
    }

    public static FsdServiceOptions SettingsOf(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Annotations.OfType<FsdServiceAnnotation>().FirstOrDefault()?.Options ?? new FsdServiceOptions();
    }

    /// <summary>Variables left out of a project's environment because nothing deployed answers to them.</summary>
    public IReadOnlyList<string> OmittedVariables(ProjectResource project) => _shapes[project].Environment.Omitted;

    /// <param name="environment">Null: the base values; else that environment's overrides applied.</param>
    public PublishedService Create(ProjectResource project, string? environment)
    {
        ArgumentNullException.ThrowIfNull(project);
        var settings = SettingsOf(project);
        var overrides = environment is not null && settings.Environments.TryGetValue(environment, out var o) ? o : new FsdEnvironmentOverrides();
        var (endpoint, published) = _shapes[project];
        var port = settings.LoadBalanced == false ? null : endpoint?.Port;
        var healthPath = HealthPathOf(project, settings);
        var projectDirectory = Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath) ?? ".";

        return new PublishedService
        {
            ResourceName = project.Name,
            BaseName = $"{ApplicationName}-{project.Name}",
            ProjectFolder = Path.GetRelativePath(RepositoryRoot, projectDirectory).Replace('\\', '/'),
            ProjectDirectory = projectDirectory,
            Pack = settings.Pack,
            Owners = [.. settings.Owners],
            Port = port,
            ListenPort = endpoint?.Port,
            IsExternal = endpoint?.IsExternal ?? false,
            CertificateArn = endpoint?.IsExternal == true
                ? settings.CertificateArn ?? "arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${CERTIFICATE_ID}"
                : settings.CertificateArn,
            LoadBalancerHealthCheck = port is null ? null : DeploymentDefaults.LoadBalancerHealthCheck with { Path = healthPath },
            ContainerHealthCheck = DeploymentDefaults.ContainerHealthCheck with
            {
                Command = settings.ContainerHealthCheckCommand ?? DefaultProbe(project, endpoint?.Port, healthPath),
            },
            Sizing = Sizing(settings, overrides, published.Volumes.Count > 0, loadBalanced: port is not null),
            AutoScaling = new AutoScalingSettings(
                settings.TargetCpuUtilization ?? DeploymentDefaults.TargetCpuUtilization,
                settings.TargetMemoryUtilization ?? DeploymentDefaults.TargetMemoryUtilization,
                settings.ScaleInCooldownSeconds ?? DeploymentDefaults.ScaleInCooldownSeconds,
                settings.ScaleOutCooldownSeconds ?? DeploymentDefaults.ScaleOutCooldownSeconds),
            Environment = published.Variables,
            Secrets = published.Secrets,
            Volumes = published.Volumes,
            Dependencies = published.Dependencies,
            HasCollectorSidecar = published.HasCollector,
            LogRetentionDays = overrides.LogRetentionDays ?? settings.LogRetentionDays ?? DeploymentDefaults.LogRetentionDays,
            User = settings.User,
        };
    }

    /// <summary>
    /// The model's HTTP probe (readiness, else liveness, else any), else <see cref="FsdServiceOptions.HealthCheckPath"/>,
    /// else <c>/health</c>. WithHttpHealthCheck's path is not readable from the model (FsdServiceOptions.HealthCheckPath says why).
    /// </summary>
    private static string HealthPathOf(ProjectResource project, FsdServiceOptions settings)
    {
        var probes = project.Annotations.OfType<EndpointProbeAnnotation>().ToList();
        var probe = probes.FirstOrDefault(p => p.Type == ProbeType.Readiness) ?? probes.FirstOrDefault(p => p.Type == ProbeType.Liveness) ?? probes.FirstOrDefault();
        return probe?.Path ?? settings.HealthCheckPath ?? DeploymentDefaults.LoadBalancerHealthCheck.Path;
    }

    /// <summary>
    /// SQLite has one writer, so a SQLite service runs exactly one task. An HTTP service starts with two tasks
    /// (one per availability zone) and scales to six; a service without a load balancer (a change-feed consumer) runs one.
    /// </summary>
    private static ServiceSizing Sizing(FsdServiceOptions s, FsdEnvironmentOverrides o, bool usesSqlite, bool loadBalanced)
    {
        var (desired, min, max) = usesSqlite || !loadBalanced ? (1, 1, 1) : (2, 2, 6);
        return new ServiceSizing(
            o.Cpu ?? s.Cpu ?? DeploymentDefaults.Cpu,
            o.Memory ?? s.Memory ?? DeploymentDefaults.Memory,
            o.DesiredCount ?? s.DesiredCount ?? desired,
            o.MinCapacity ?? s.MinCapacity ?? min,
            o.MaxCapacity ?? s.MaxCapacity ?? max);
    }

    /// <summary>
    /// The service binary probing itself, as its Dockerfile's HEALTHCHECK does (the images carry no curl). The binary is
    /// named after the project file, the SDK's default assembly name.
    /// </summary>
    private static List<string> DefaultProbe(ProjectResource project, int? port, string path)
    {
        var assembly = $"{Path.GetFileNameWithoutExtension(project.GetProjectMetadata().ProjectPath)}.dll";
        List<string> command = ["CMD", "dotnet", assembly, "--health-probe"];
        if (port is { } p)
        {
            command.Add($"http://127.0.0.1:{p}{path}");
        }

        return command;
    }

    private static string FindRepositoryRoot(string appHostDirectory)
    {
        for (var directory = new DirectoryInfo(appHostDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.sln").Any() || directory.EnumerateFiles("*.slnx").Any())
            {
                return directory.FullName;
            }
        }

        return appHostDirectory;
    }
}
