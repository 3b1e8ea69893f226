using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Extensions;

namespace MyService.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IHost> CreateHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:db"] = $"Data Source={_directory.File("contract.db")}";
        builder.Configuration["Storage:Provider"] = "sqlite";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        var host = builder.Build();
        await host.StartAsync().WithTimeout(); // applies the migrations
        return host;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
