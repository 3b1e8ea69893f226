using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTelemetry;

namespace MyService.Worker.Feed;

/// <summary>
/// <c>GET http://api/events?after=&amp;limit=&amp;wait=</c> through service discovery: a long poll the API answers
/// when an event commits. A failed read is not retried here: the worker's loop backs off and reads again (see
/// WorkerExtensions, where the client is configured).
/// </summary>
internal sealed class ApiChangeFeedClient(HttpClient http) : IChangeFeedSource
{
    /// <summary>How long one read may take beyond the wait it asked for before the loop counts it as failed and backs off.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    public async Task<FeedPage> ReadAsync(long afterSequence, int limit, int waitSeconds, CancellationToken cancellationToken)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"/events?after={afterSequence}&limit={limit}&wait={waitSeconds}"), UriKind.Relative);
        // The read is not traced on this side: most reads are idle waits, and the API traces the ones that found events.
        using var untraced = SuppressInstrumentationScope.Begin();
        var page = await http.GetFromJsonAsync<FeedPage>(uri, JsonSerializerOptions.Web, cancellationToken);
        return page ?? throw new HttpRequestException("GET /events answered with an empty body.");
    }
}
