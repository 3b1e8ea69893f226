using Microsoft.AspNetCore.Http.Json;
using MyService.Api.Http;
using MyService.Api.Http.OpenApi;

namespace MyService.Api.Extensions;

/// <summary>HTTP behaviour of the API: problem details for every error, request limits, OpenAPI, graceful stop.</summary>
public static class ApiExtensions
{
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = UnsupportedMediaType.Describe);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so the handler above can name the field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.AllowTrailingCommas = false;
            // Numbers are numbers: Web defaults would also read "3" as 3, which no client of this API needs, and the
            // OpenAPI document would then say "integer or string" for every number a generated client reads.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // The API's own types first; anything else (problem details) as before.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        builder.Services.AddApiDocument();
        builder.Services.AddSingleton(TimeProvider.System);
        // ECS sends SIGTERM and kills after stopTimeout (30 s): drain in-flight requests within that.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyMiddleware>();
        return app;
    }
}
