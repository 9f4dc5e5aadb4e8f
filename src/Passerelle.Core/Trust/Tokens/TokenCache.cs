using System.Collections.Concurrent;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Trust.Tokens;

/// <summary>
/// Remembers a validated token for two seconds, so a machine screening many documents costs one database read every
/// two seconds, not one per request. Revoking a token or disabling its owner forgets it on this node at once; other
/// nodes stop accepting it within the two seconds, the same bound as for register changes. Expiry is checked on
/// every use.
/// </summary>
public sealed class TokenCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out Actor actor, out DateTime expiresAt)
    {
        if (entries.TryGetValue(hash, out var entry) && entry.ValidUntil > time.GetUtcNow().UtcDateTime)
        {
            (actor, expiresAt) = (entry.Actor, entry.ExpiresAt);
            return true;
        }

        (actor, expiresAt) = (null!, default);
        return false;
    }

    public void Remember(string hash, Actor actor, DateTime expiresAt)
    {
        if (entries.Count > 100_000)
        {
            entries.Clear();
        }

        entries[hash] = new Entry(actor, expiresAt, time.GetUtcNow().UtcDateTime + Lifetime);
    }

    public void ForgetToken(Guid tokenId)
    {
        foreach (var (hash, entry) in entries)
        {
            if (entry.Actor.TokenId == tokenId)
            {
                entries.TryRemove(hash, out _);
            }
        }
    }

    public void ForgetUser(Guid userId)
    {
        foreach (var (hash, entry) in entries)
        {
            if (entry.Actor.UserId == userId)
            {
                entries.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(Actor Actor, DateTime ExpiresAt, DateTime ValidUntil);
}
