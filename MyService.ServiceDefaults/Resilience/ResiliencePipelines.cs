using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Http.Resilience;

/// <summary>
/// One pipeline per client and authority (the library's <c>SelectPipelineByAuthority</c>), held by a singleton so
/// circuit-breaker state outlives handler rotation and one failing host does not open the circuit for another.
/// </summary>
public sealed class ResiliencePipelines(IOptionsMonitor<HttpStandardResilienceOptions> options)
{
    private readonly ConcurrentDictionary<(string Client, string Authority), ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> Get(string client, string authority) =>
        _pipelines.GetOrAdd((client, authority), key => StandardResilienceHandler.CreatePipeline(options.Get(key.Client)));
}
