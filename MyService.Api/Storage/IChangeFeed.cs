namespace MyService.Api.Storage;

/// <summary>Reads the change events written with each entity change, in sequence order.</summary>
public interface IChangeFeed
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterSequence"/>. The page's
    /// <see cref="EventPage.LastSequence"/> is where the next read starts; it can be past the last event returned
    /// when the provider skipped sequence numbers that hold no event.
    /// </summary>
    Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Completes at this process's next commit; take it before a read (see <see cref="CommitSignal"/>).</summary>
    Task NextCommit { get; }

    /// <summary>
    /// How often a waiting reader reads again for commits no signal reports (other processes writing the same
    /// store); null when every commit is signalled.
    /// </summary>
    TimeSpan? PollInterval { get; }
}

/// <summary>One page of the change feed; <see cref="LastSequence"/> is the <c>after</c> of the next read.</summary>
public sealed record EventPage(IReadOnlyList<ChangeEvent> Events, long LastSequence);
