using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Extensions;

namespace MyService.Tests.Storage;

[Collection(DynamoDBLocalCollection.Name)]
public sealed class DynamoStorageContractTests(DynamoDBLocalServer dynamo) : StorageContractTests
{
    protected override async Task<IHost> CreateHostAsync()
    {
        var table = await dynamo.CreateTableAsync("contract");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(dynamo.Settings(("store", table)));
        builder.Configuration["Storage:Provider"] = "dynamodb";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        var host = builder.Build();
        await host.StartAsync().WithTimeout();
        return host;
    }
}
