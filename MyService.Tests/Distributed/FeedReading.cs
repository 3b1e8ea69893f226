using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>Walks the API's change feed to its end.</summary>
internal static class FeedReading
{
    public static async Task<long> LastSequenceAsync(HttpClient client)
    {
        long after = 0;
        while (true)
        {
            using var response = await client.GetAsync($"/events?after={after}&limit=1000").WithTimeout();
            var next = (await response.ReadJsonAsync()).GetProperty("lastSequence").GetInt64();
            if (next == after)
            {
                return after;
            }

            after = next;
        }
    }

    /// <summary>The sequence of each user's last event.</summary>
    public static async Task<Dictionary<long, long>> LastEventPerUserAsync(HttpClient client, List<long> ids)
    {
        var last = new Dictionary<long, long>();
        long after = 0;
        while (true)
        {
            using var response = await client.GetAsync($"/events?after={after}&limit=1000").WithTimeout();
            var page = await response.ReadJsonAsync();
            foreach (var e in page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("entityType").GetString() == "user"))
            {
                last[e.GetProperty("entityId").GetInt64()] = e.GetProperty("sequence").GetInt64();
            }

            var next = page.GetProperty("lastSequence").GetInt64();
            if (next == after)
            {
                return ids.ToDictionary(id => id, id => last[id]);
            }

            after = next;
        }
    }
}
