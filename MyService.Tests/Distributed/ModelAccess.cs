using Microsoft.Extensions.DependencyInjection;

namespace MyService.Tests.Distributed;

internal static class ModelAccess
{
    public static DistributedApplicationModel GetRequiredServiceModel(this IServiceProvider services) =>
        services.GetRequiredService<DistributedApplicationModel>();
}
