using System.Net.Http.Headers;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Sends generated requests over real HTTP/1.1 to a server on loopback: the target as written (no canonicalization of
/// dots or escapes), headers without the client's validation, no redirects, no decompression.
/// </summary>
public sealed class FuzzClient(Uri baseAddress) : IDisposable
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);

    private static readonly UriCreationOptions AsWritten = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public sealed record Answer(int Status, MediaTypeHeaderValue? ContentType, Uri? Location, byte[] Body);

    /// <summary>The answer, or null (after recording a violation) when there was none within <see cref="AnswerTimeout"/>.</summary>
    public async Task<Answer?> SendAsync(FuzzRun run, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"{baseAddress.GetLeftPart(UriPartial.Authority)}{request.Target}", in AsWritten));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                // A content header (Content-Encoding) on a request without a body: sent with an empty one.
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = new CancellationTokenSource(AnswerTimeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return new Answer((int)response.StatusCode, response.Content.Headers.ContentType, response.Headers.Location, body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            run.Violation(request, $"no answer within {AnswerTimeout.TotalSeconds} s");
            return null;
        }
        catch (HttpRequestException ex)
        {
            // The server closed the connection instead of answering: acceptable only for framing it refuses, which this
            // client does not send, so it is recorded.
            run.Violation(request, $"the connection failed: {ex.Message} {ex.InnerException?.Message}");
            return null;
        }
    }

    /// <summary>
    /// Sends <see cref="FuzzRun.Count"/> generated requests one after another; each answer is checked for what every
    /// surface owes (<see cref="AnswerChecks.CheckAnswer"/>), then by <paramref name="check"/> for what this one does.
    /// </summary>
    public async Task SendAllAsync(FuzzRun run, Func<FuzzRequest> next, Func<FuzzRequest, Answer, Task> check)
    {
        for (var i = 0; i < run.Count; i++)
        {
            var request = next();
            if (await SendAsync(run, request) is { } answer)
            {
                AnswerChecks.CheckAnswer(run, request, answer);
                await check(request, answer);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
