using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>
/// The defaults of Microsoft.Extensions.Http.Resilience's standard handler: total timeout 30 s, 3 retries with
/// jittered exponential backoff from 2 s, a circuit breaker at 10% failures over 30 s, 10 s per attempt.
/// </summary>
public sealed class HttpStandardResilienceOptions
{
    public TimeoutStrategyOptions TotalRequestTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public RetryStrategyOptions<HttpResponseMessage> Retry { get; set; } = new()
    {
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromSeconds(2),
        BackoffType = Polly.DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(HttpTransience.IsTransient(args.Outcome)),
    };

    public CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker { get; set; } = new()
    {
        FailureRatio = 0.1,
        MinimumThroughput = 100,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(5),
        ShouldHandle = args => ValueTask.FromResult(HttpTransience.IsTransient(args.Outcome)),
    };

    public TimeoutStrategyOptions AttemptTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(10) };
}
