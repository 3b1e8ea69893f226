namespace MyService.Hosting.Publishing.Model;

/// <summary>
/// Turns each project among the environment's compute resources (Aspire's <c>GetComputeResources</c>, without what is
/// excluded from publish) into a <see cref="PublishedService"/>: its settings, else its kind's defaults, and the declarations.
/// </summary>
internal sealed class PublishedServiceFactory(
    EcsEnvironmentResource environment, string applicationName, string repositoryRoot, DeploymentCommands commands,
    IReadOnlyDictionary<IResource, ServiceEndpoint> endpoints, Dictionary<ProjectResource, PublishEnvironment> environments)
{
    public EcsEnvironmentResource Environment => environment;
    public string ApplicationName => applicationName;

    /// <summary>How the files are published, validated and tested, as the workflow and the problems' fixes name it.</summary>
    public DeploymentCommands Commands => commands;
    public string RepositoryRoot => repositoryRoot;

    /// <summary>Every project of this environment, in model order: all of them are deployable services.</summary>
    public IReadOnlyList<ProjectResource> Projects => [.. environments.Keys];

    /// <summary>Evaluates every project's environment once (in publish mode); <see cref="Create"/> then applies an environment's overrides.</summary>
    public static async Task<PublishedServiceFactory> CreateAsync(
        EcsEnvironmentResource environment, DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, string appHostDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);
        var directory = environment.AppHostDirectory ?? appHostDirectory;
        var applicationName = environment.ApplicationName ?? Placeholders.ApplicationNameFrom(directory);
        // Other compute resources (an executable tool) stay local; a service that references one fails below, naming it.
        var projects = model.GetComputeResources().OfType<ProjectResource>().Where(r => r.GetComputeEnvironment() is null || r.GetComputeEnvironment() == environment).ToList();
        var endpoints = projects.Select(p => (Project: p, Endpoint: ServiceEndpoint.Of(p))).Where(e => e.Endpoint is not null).ToDictionary(e => (IResource)e.Project, e => e.Endpoint!);
        var environments = new Dictionary<ProjectResource, PublishEnvironment>();
        foreach (var project in projects)
        {
            environments[project] = await PublishEnvironment.BuildAsync(project, executionContext, applicationName, endpoints, SettingsOf(project), cancellationToken);
        }

        var repositoryRoot = environment.RepositoryRoot ?? FindRepositoryRoot(directory);
        return new PublishedServiceFactory(environment, applicationName, repositoryRoot, DeploymentCommands.For(environment, repositoryRoot, directory), endpoints, environments);
    }

    public static FsdServiceOptions SettingsOf(IResource project) =>
        project.Annotations.OfType<FsdServiceAnnotation>().FirstOrDefault()?.Options ?? new FsdServiceOptions();

    /// <summary>Variables left out of a project's environment because nothing deployed answers to them.</summary>
    public IReadOnlyList<string> OmittedVariables(ProjectResource project) => environments[project].Omitted;

    /// <param name="environment">Null: the base values; else that environment's overrides applied.</param>
    public PublishedService Create(ProjectResource project, string? environment)
    {
        ArgumentNullException.ThrowIfNull(project);
        var settings = SettingsOf(project);
        var overrides = environment is not null && settings.Environments.TryGetValue(environment, out var o) ? o : new FsdEnvironmentOverrides();
        var (endpoint, published) = (endpoints.GetValueOrDefault(project), environments[project]);
        var port = settings.LoadBalanced == false ? null : endpoint?.Port;
        var healthPath = HealthPathOf(project, settings);
        var projectPath = project.GetProjectMetadata().ProjectPath;
        var projectDirectory = Path.GetDirectoryName(projectPath) ?? ".";
        var assembly = $"{Path.GetFileNameWithoutExtension(projectPath)}.dll";
        var declared = published.Declarations;
        var singleTask = declared.Any(d => d.SingleTask);

        return new PublishedService
        {
            ResourceName = project.Name,
            BaseName = $"{ApplicationName}-{project.Name}",
            ProjectFolder = Path.GetRelativePath(RepositoryRoot, projectDirectory).Replace('\\', '/'),
            ProjectDirectory = projectDirectory,
            Assembly = assembly,
            Settings = settings,
            Port = port,
            ListenPort = endpoint?.Port,
            IsExternal = endpoint?.IsExternal ?? false,
            CertificateArn = endpoint?.IsExternal == true
                ? settings.CertificateArn ?? "arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${CERTIFICATE_ID}"
                : settings.CertificateArn,
            LoadBalancerHealthCheck = port is null ? null : DeploymentDefaults.LoadBalancerHealthCheck with { Path = healthPath },
            ContainerHealthCheck = DeploymentDefaults.ContainerHealthCheck with
            {
                // The service binary probing itself, as its Dockerfile's HEALTHCHECK does (the images carry no curl).
                Command = settings.ContainerHealthCheckCommand
                    ?? ["CMD", "dotnet", assembly, "--health-probe", .. endpoint is null ? Array.Empty<string>() : [$"http://127.0.0.1:{endpoint.Port}{healthPath}"]],
            },
            Sizing = Sizing(settings, overrides, singleTask, loadBalanced: port is not null),
            Environment = published.Variables,
            Secrets = [.. published.Secrets.Values],
            Volumes = [.. declared.SelectMany(d => d.Volumes)],
            // Sorted, so the same model gives the same bytes whatever order the declarations ran in.
            Dependencies = [.. declared.SelectMany(d => d.Dependencies).OrderBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
                .Select(d => d with { Permissions = [.. d.Permissions.Distinct().Order(StringComparer.Ordinal)] })],
            Sidecar = declared.Select(d => d.Sidecar).FirstOrDefault(s => s is not null),
            LogRetentionDays = overrides.LogRetentionDays ?? settings.LogRetentionDays,
            SingleTask = singleTask,
        };
    }

    /// <summary>The model's HTTP probe (readiness, else liveness, else any), else <see cref="FsdServiceOptions.HealthCheckPath"/>, else <c>/health</c>.</summary>
    private static string HealthPathOf(ProjectResource project, FsdServiceOptions settings)
    {
        var probes = project.Annotations.OfType<EndpointProbeAnnotation>().ToList();
        var probe = probes.FirstOrDefault(p => p.Type == ProbeType.Readiness) ?? probes.FirstOrDefault(p => p.Type == ProbeType.Liveness) ?? probes.FirstOrDefault();
        return probe?.Path ?? settings.HealthCheckPath ?? DeploymentDefaults.LoadBalancerHealthCheck.Path;
    }

    /// <summary>A single-task service runs one task; an HTTP service two (one per availability zone) up to six; one without a load balancer (a feed consumer) one.</summary>
    private static ServiceSizing Sizing(FsdServiceOptions s, FsdEnvironmentOverrides o, bool singleTask, bool loadBalanced)
    {
        var (desired, min, max) = singleTask || !loadBalanced ? (1, 1, 1) : (2, 2, 6);
        return new ServiceSizing(
            o.Cpu ?? s.Cpu,
            o.Memory ?? s.Memory,
            o.DesiredCount ?? s.DesiredCount ?? desired,
            o.MinCapacity ?? s.MinCapacity ?? min,
            o.MaxCapacity ?? s.MaxCapacity ?? max);
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
