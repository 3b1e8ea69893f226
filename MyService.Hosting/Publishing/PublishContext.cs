namespace MyService.Hosting.Publishing;

/// <summary>What every project's publish form is computed against: the model, publish mode, the name prefix and the other services' endpoints.</summary>
internal sealed record PublishContext(
    DistributedApplicationModel Model,
    DistributedApplicationExecutionContext ExecutionContext,
    string ApplicationName,
    PublishedValues Values);
