namespace MyService.Worker.Processing;

/// <summary>Configuration section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Events read per request to the feed (the API allows 1..1000).</summary>
    /// <remarks>
    /// The API's largest page: caught up, pages hold what committed since the last read whatever the limit, and in a
    /// backlog a page of 1,000 becomes ten transactions in flight at once, so DynamoDB is never idle while the worker
    /// moves the checkpoint and prepares the next page (bench/worker.sh).
    /// </remarks>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Entities of one page written at once (each entity's events stay in order); transactions at once when catching up.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>
    /// A page with at least this many events is a backlog: it is written in transactions of up to 100 entities
    /// instead of one write per event (DynamoDB Local on disk commits each request on its own; DynamoDB bills a
    /// transactional write as two).
    /// </summary>
    public int TogetherFrom { get; set; } = 20;

    /// <summary>
    /// How long a read of a caught-up worker waits in the API for the next event (<c>GET /events?wait=</c>, whole
    /// seconds, 1 to the API's 30): the API answers as the event commits, so an idle worker sends one request per
    /// wait and the projection follows within a round trip.
    /// </summary>
    public TimeSpan FeedWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary><see cref="FeedWait"/> as the API takes it: whole seconds from 1 to 30.</summary>
    internal int FeedWaitSeconds => (int)Math.Clamp(Math.Round(FeedWait.TotalSeconds), 1, 30);

    /// <summary>The first wait after a failure; it doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Until its first read succeeds, how often the worker tries again, without backing off: it starts beside the
    /// API and its table, not after them (nothing makes it wait), so its first reads find them still starting.
    /// </summary>
    public TimeSpan StartRetry { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <see cref="StartRetry"/> lasts: an API or table not there by then is away, and the backoff takes over.</summary>
    public TimeSpan StartPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The checkpoint's name: two differently named workers each project the whole feed.</summary>
    public string ConsumerName { get; set; } = "worker";
}
