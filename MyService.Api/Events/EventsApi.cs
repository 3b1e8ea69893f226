using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MyService.Api.Http;
using MyService.Api.Storage;

namespace MyService.Api.Events;

/// <summary>
/// The change feed (DESIGN §6):
///   GET /events?after={seq}&amp;limit={n}   events with a sequence above <c>after</c>, in order
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", ReadEventsAsync).WithTags("Events");
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
        return TypedResults.Ok(await feed.ReadAsync(afterSequence, take, cancellationToken));
    }
}
