using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MyService.Worker.Processing;

/// <summary>
/// The worker's spans and metrics, under the application's name (which ServiceDefaults exports). The source and
/// meter are created once and never change: the pattern .NET's own libraries use.
/// </summary>
internal static class WorkerTelemetry
{
    public const string Name = "MyService.Worker";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Events = Meter.CreateCounter<long>("myservice.worker.events", "{event}", "Change events processed, by outcome (applied, skipped).");

    public static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("myservice.worker.lag", "s", "Time from an event's commit to its projection.");

    /// <summary>A client span for one DynamoDB call, named as the OpenTelemetry database conventions say.</summary>
    public static Activity? StartDynamoDB(string operation, string table)
    {
        var activity = Source.StartActivity($"DynamoDB.{operation}", ActivityKind.Client);
        activity?.SetTag("db.system.name", "aws.dynamodb");
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("aws.dynamodb.table_names", table);
        return activity;
    }
}
