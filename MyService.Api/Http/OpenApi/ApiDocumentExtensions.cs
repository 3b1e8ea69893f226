using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (committed as MyService.Api/openapi/v1.json) and, in Development, the
/// API reference at /scalar drawn from it (docs/API.md).
/// </summary>
internal static class ApiDocumentExtensions
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, HandlerlessEndpointDescriptionProvider>());
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddOperationTransformer<EndpointMetadataTransformer>();
        });
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        // One document at one fixed path: the package's /openapi/{documentName}.json answers other names with a
        // plain-text 404, where every other unknown path gets problem details.
        app.MapOpenApi("/openapi/v1.json");
        // Development only: the reference lets anyone send requests from a browser; production answers 404. Its
        // script is served from the package itself (/scalar/scalar.js); the web fonts, telemetry and AI agent that
        // Scalar would fetch from its own servers are off, so the page makes no request outside this host, and so is
        // its developer-tools bar on localhost (Share uploads the document to scalar.com, Deploy advertises its cloud).
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(options => options
                .WithTitle("MyService API reference")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools()
                .ExpandAllTags());
        }

        return app;
    }
}
