using System.Diagnostics;

namespace MyService.Api.Storage;

/// <summary>
/// Client spans for the storage work of a request (<c>MyService.Api.Storage</c>, exported with every
/// <c>MyService.*</c> source), named and tagged as OpenTelemetry's database conventions say, so a request's
/// trace reads request -> statement or transaction -> (through the event's traceparent) the worker.
/// </summary>
public static class StorageSpans
{
    public const string Name = "MyService.Api.Storage";

    public static readonly ActivitySource Source = new(Name);

    /// <summary><c>INSERT users</c>, <c>TransactWriteItems myservice-store</c>; null when nobody listens (one check).</summary>
    public static Activity? StartClient(string system, string operation, string collection)
    {
        var activity = Source.StartActivity(ActivityKind.Client, name: $"{operation} {collection}");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.collection.name", collection);
        }

        return activity;
    }
}
