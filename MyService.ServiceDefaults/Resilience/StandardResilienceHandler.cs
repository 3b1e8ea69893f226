using Polly;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>Runs every request through the standard pipeline: total timeout, retry, circuit breaker, attempt timeout.</summary>
public sealed class StandardResilienceHandler(ResiliencePipelines pipelines, string clientName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = pipelines.Get(clientName, request.RequestUri?.Authority ?? string.Empty);
        return await pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendCoreAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken);
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Builds the pipeline in the order Microsoft.Extensions.Http.Resilience uses.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(HttpStandardResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalRequestTimeout)
            .AddRetry(options.Retry)
            .AddCircuitBreaker(options.CircuitBreaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
