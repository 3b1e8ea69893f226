using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace MyService.Hosting.Dashboard.Web;

/// <summary>The page, scripts and styles, embedded in the engine: the dashboard works offline (no CDN, no web fonts).</summary>
internal static class DashboardAssets
{
    private static readonly Assembly Assembly = typeof(DashboardAssets).Assembly;
    private const string Prefix = "MyService.Hosting.Dashboard.Web.wwwroot.";

    public static IResult Serve(string file)
    {
        var stream = Assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "text/html; charset=utf-8",
        };
        return Results.Stream(stream, type);
    }
}
