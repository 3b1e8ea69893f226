namespace MyService.Hosting.Publishing;

internal static class EmptyAsNull
{
    /// <summary>Empty lists are left out of the published files rather than written as <c>[]</c>.</summary>
    public static List<T>? ToListOrNull<T>(this IEnumerable<T> items) => items.ToList() is { Count: > 0 } list ? list : null;
}
