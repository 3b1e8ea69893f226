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
///   GET /events?after={seq}&amp;limit={n}&amp;wait={seconds}   events with a sequence above <c>after</c>, in order;
///   with <c>wait</c>, an empty read waits up to that long for the next commit (<see cref="FeedLongPoll"/>)
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", ReadEventsAsync)
            .WithTags("Events")
            .WithName("readEvents")
            .WithSummary("Read the change feed")
            .WithDescription("Every create, replace and delete in order. Read again with after = the previous page's lastSequence. " +
                "With wait, a read that finds nothing is answered as soon as an event after `after` commits, or with the empty page " +
                "once wait seconds have passed (or the server is shutting down), so a consumer can follow the feed without polling.")
            .WithParameter(new ParameterMetadata("after", "Return the events after this sequence number; 0 reads from the start.")
            {
                Minimum = 0,
                Default = 0,
            })
            .WithParameter(DocumentedParameters.Limit)
            .WithParameter(new ParameterMetadata(
                "wait", $"Seconds to wait for an event when there is none after `after` yet: 0 (answer at once) to {FeedLongPoll.MaxWaitSeconds}.")
            {
                Minimum = 0,
                Maximum = FeedLongPoll.MaxWaitSeconds,
                Default = 0,
            });
        return app;
    }

    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ReadEventsAsync(
        string? after, string? limit, string? wait, [FromServices] IChangeFeed feed, [FromServices] IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (RequestParsing.ParseSequence(after, out var afterSequence) is { } afterError)
        {
            return Problems.Invalid("after", afterError);
        }

        if (RequestParsing.ParseLimit(limit, out var take) is { } limitError)
        {
            return Problems.Invalid("limit", limitError);
        }

        if (RequestParsing.ParseWait(wait, FeedLongPoll.MaxWaitSeconds, out var waitFor) is { } waitError)
        {
            return Problems.Invalid("wait", waitError);
        }

        // lastSequence is where the next read starts, also when this page was empty.
        EventPage page;
        // The storage calls under a read (DynamoDB's, on that provider) are not traced: most reads are idle polls.
        using (SuppressInstrumentationScope.Begin())
        {
            page = await FeedLongPoll.ReadAsync(feed, afterSequence, take, waitFor, lifetime.ApplicationStopping, cancellationToken);
        }

        TraceUnlessEmpty(Activity.Current, page);
        return TypedResults.Ok(page);
    }

    /// <summary>
    /// Consumers read the feed while idle (the worker once per wait): a read that found nothing is not traced, as
    /// health probes are not, so idle reads do not bury the traces that matter.
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
