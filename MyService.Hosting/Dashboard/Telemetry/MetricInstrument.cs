using System.Collections.Concurrent;

namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>An instrument of one resource and its series, one per distinct attribute set (a "dimension").</summary>
public sealed class MetricInstrument(string name, string description, string unit, string type)
{
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public string Description { get; } = description;

    public string Unit { get; } = unit;

    /// <summary>gauge, sum or histogram.</summary>
    public string Type { get; } = type;

    public IReadOnlyCollection<MetricSeries> Series => [.. _series.Values];

    internal MetricSeries? GetOrAdd(IReadOnlyList<KeyValuePair<string, string>> attributes, int maxPoints, Func<bool> mayAdd)
    {
        var key = string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"));
        if (_series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        return mayAdd() ? _series.GetOrAdd(key, k => new MetricSeries(k, attributes, maxPoints)) : null;
    }
}

public sealed class MetricSeries(string key, IReadOnlyList<KeyValuePair<string, string>> attributes, int maxPoints)
{
    private readonly BoundedBuffer<MetricPoint> _points = new(maxPoints);

    /// <summary>The attribute set as text ("http.route=/users, http.request.method=GET"); empty for none.</summary>
    public string Key { get; } = key;

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; } = attributes;

    public IReadOnlyList<MetricPoint> Points => _points.ToList();

    internal void Add(MetricPoint point) => _points.Add(point);
}
