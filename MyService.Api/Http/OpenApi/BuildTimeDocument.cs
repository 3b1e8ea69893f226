using System.Reflection;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// The build writes <c>openapi/v1.json</c> by starting this app inside Microsoft.Extensions.ApiDescription.Server's
/// GetDocument.Insider (no server, no requests): start-up work with side effects, such as creating the SQLite file,
/// is skipped there. The entry assembly's name is how ASP.NET Core's documentation tells that host apart.
/// </summary>
internal static class BuildTimeDocument
{
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
