namespace MyService.Api.Http.OpenApi;

/// <summary>
/// Endpoint metadata: a header the endpoint sets on its <paramref name="StatusCode"/> answer. ASP.NET Core's
/// <c>Produces</c> has no place for headers; <see cref="EndpointMetadataTransformer"/> writes these into the document.
/// </summary>
internal sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description);
