using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// The API explorer describes only endpoints with a handler method, so the health checks' endpoints (/health,
/// /alive: a request pipeline, no method) would be missing from the document. This describes such endpoints from
/// their own metadata — name, summary, tags and <c>Produces</c> — when they have a name and are not excluded, so
/// the document comes from the same <c>WithName</c>/<c>Produces</c> calls as everywhere else.
/// </summary>
internal sealed class HandlerlessEndpointDescriptionProvider(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    // After ASP.NET Core's own provider (-1100), so these come after the handler endpoints in the document.
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().Where(IsDescribed))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                context.Results.Add(Describe(endpoint, method));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static bool IsDescribed(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is null
        && endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is not null
        && endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true };

    private static ApiDescription Describe(RouteEndpoint endpoint, string method)
    {
        var description = new ApiDescription
        {
            HttpMethod = method,
            RelativePath = endpoint.RoutePattern.RawText?.TrimStart('/'),
            ActionDescriptor = new ActionDescriptor { DisplayName = endpoint.DisplayName, EndpointMetadata = [.. endpoint.Metadata] },
        };
        foreach (var produces in endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
        {
            var response = new ApiResponseType
            {
                StatusCode = produces.StatusCode,
                Type = produces.Type ?? typeof(void),
                Description = produces.Description,
            };
            foreach (var contentType in produces.ContentTypes)
            {
                response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = contentType });
            }

            description.SupportedResponseTypes.Add(response);
        }

        return description;
    }
}
