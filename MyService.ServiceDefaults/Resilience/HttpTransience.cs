using System.Net;
using Polly;
using Polly.Timeout;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>What the standard handler treats as worth another attempt: network failures, timeouts, 5xx, 408, 429.</summary>
public static class HttpTransience
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
