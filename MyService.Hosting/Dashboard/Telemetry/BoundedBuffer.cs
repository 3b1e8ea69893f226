namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>A fixed-capacity ring: adding to a full buffer overwrites the oldest item. Thread-safe.</summary>
internal sealed class BoundedBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private readonly Lock _lock = new();
    private int _start;
    private int _count;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_lock)
        {
            _items[(_start + _count) % _items.Length] = item;
            if (_count < _items.Length)
            {
                _count++;
            }
            else
            {
                _start = (_start + 1) % _items.Length;
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public List<T> ToList()
    {
        lock (_lock)
        {
            var list = new List<T>(_count);
            for (var i = 0; i < _count; i++)
            {
                list.Add(_items[(_start + i) % _items.Length]);
            }

            return list;
        }
    }
}
