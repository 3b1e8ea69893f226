namespace MyService.Hosting;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}

/// <summary>Run (start everything) or publish (write deployment files, start nothing), from the first argument.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
