namespace Passerelle.Core.Pictures;

/// <summary>Where picture bytes live. The filesystem by default; another store is one class away.</summary>
public interface IBlobStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct);

    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}
