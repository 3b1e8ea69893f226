using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MyService.ServiceDefaults.Aws;

public static class DynamoDBClientExtensions
{
    /// <summary>One <see cref="IAmazonDynamoDB"/> for the process (the SDK client is thread-safe and pools connections).</summary>
    public static TBuilder AddDynamoDBClient<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Resolved on first use, so configuration added after this call (tests, hosts) still applies.
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoDBClientFactory.Create(sp.GetRequiredService<IConfiguration>()));
        return builder;
    }
}
