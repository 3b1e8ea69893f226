using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyService.Api.Http;
using MyService.Api.Http.OpenApi;
using MyService.Api.Storage;
using MyService.ServiceDefaults.Telemetry;
using OpenTelemetry;

namespace MyService.Api.Events;

/// <summary>
/// The change feed (docs/ARCHITECTURE.md, "Change feed"):
///   GET /events?after={seq}&amp;limit={n}   events with a sequence above <c>after</c>, in order
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", ReadEventsAsync)
            .WithTags("Events")
            .WithName("readEvents")
            .WithSummary("Read the change feed")
            .WithDescription("Every create, replace and delete in order. Poll with after = the previous page's lastSequence.")
            .WithParameter(new ParameterMetadata("after", "Return the events after this sequence number; 0 reads from the start.")
            {
                Minimum = 0,
                Default = 0,
            })
            .WithParameter(DocumentedParameters.Limit);
        return app;
    }

    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ReadEventsAsync(
        string? after, string? limit, [FromServices] IChangeFeed feed, CancellationToken cancellationToken)
    {
        if (RequestParsing.ParseSequence(after, out var afterSequence) is { } afterError)
        {
            return Problems.Invalid("after", afterError);
        }

        if (RequestParsing.ParseLimit(limit, out var take) is { } limitError)
        {
            return Problems.Invalid("limit", limitError);
        }

        // lastSequence is where the next read starts, also when this page was empty.
        EventPage page;
        // The storage calls under a read (DynamoDB's, on that provider) are not traced: most reads are idle polls.
        using (SuppressInstrumentationScope.Begin())
        {
            page = await feed.ReadAsync(afterSequence, take, cancellationToken);
        }

        TraceUnlessEmpty(Activity.Current, page);
        return TypedResults.Ok(page);
    }

    /// <summary>
    /// Consumers poll the feed while idle (the worker twice a second): a read that found nothing is not traced, as
    /// health probes are not, so idle polling does not bury the traces that matter.
    /// </summary>
    private static void TraceUnlessEmpty(Activity? request, EventPage page)
    {
        if (request is null)
        {
            return;
        }

        request.SetTag("myservice.feed.events", page.Events.Count);
        if (page.Events.Count == 0)
        {
            request.Untrace();
        }
    }
}
