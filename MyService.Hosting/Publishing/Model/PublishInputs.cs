namespace MyService.Hosting.Publishing.Model;

/// <summary>What every project's publish form is computed against: publish mode, the name prefix and the services' published endpoints.</summary>
internal sealed record PublishInputs(DistributedApplicationExecutionContext ExecutionContext, string ApplicationName, IReadOnlyDictionary<IResource, ServiceEndpoint> Endpoints);
