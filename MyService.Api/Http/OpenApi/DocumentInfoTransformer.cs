using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// What the document says about the API as a whole. The server is the relative "/" — wherever the document was
/// fetched from — so the document is the same at build time, in tests and behind any host name (ASP.NET Core would
/// otherwise put the requesting host in it, and the committed file would drift with every host).
/// </summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "MyService API";
        document.Info.Description =
            "Users and items with optimistic concurrency (ETag / If-Match), cursor pagination, and a change feed. " +
            "Every error is an RFC 7807 problem (application/problem+json); field errors are listed in `errors`.";
        document.Info.Contact = new OpenApiContact { Name = "MyService maintainers" };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        return Task.CompletedTask;
    }
}
