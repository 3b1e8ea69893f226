using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using MyService.Tests.TestSupport;

namespace MyService.Tests.ServiceDefaults;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_503_is_retried_and_the_later_success_returned()
    {
        var stub = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://svc/")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var stub = new ScriptedHandler(HttpStatusCode.BadRequest, HttpStatusCode.OK);
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://svc/")).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_and_return_the_last_failure()
    {
        var stub = new ScriptedHandler(Enumerable.Repeat(HttpStatusCode.InternalServerError, 10).ToArray());
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://svc/")).WithTimeout();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, stub.Calls); // the first attempt and three retries
    }

    [Fact]
    public async Task A_connection_failure_is_retried()
    {
        var stub = new ScriptedHandler(HttpStatusCode.OK) { FailFirst = 1 };
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://svc/")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public void Transient_statuses_are_5xx_408_and_429_only()
    {
        Assert.True(HttpTransience.IsTransient(HttpStatusCode.BadGateway));
        Assert.True(HttpTransience.IsTransient(HttpStatusCode.RequestTimeout));
        Assert.True(HttpTransience.IsTransient(HttpStatusCode.TooManyRequests));
        Assert.False(HttpTransience.IsTransient(HttpStatusCode.NotFound));
        Assert.False(HttpTransience.IsTransient(HttpStatusCode.Conflict));
    }

    private static HttpClient CreateClient(ScriptedHandler stub)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("test")
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1))
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        var client = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("test");
        client.Timeout = TestTimeouts.Default;
        return client;
    }

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _calls;

        public int FailFirst { get; init; }

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call <= FailFirst)
            {
                throw new HttpRequestException("connection refused (scripted)");
            }

            var status = statuses[Math.Min(call - FailFirst - 1, statuses.Length - 1)];
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }
}
