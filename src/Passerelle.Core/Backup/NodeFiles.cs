using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Pictures;

namespace Passerelle.Core.Backup;

/// <summary>The node's files that a backup copies and a restore fills: the SQLite database, the blob folder.</summary>
internal static class NodeFiles
{
    /// <summary>
    /// The database file and the blob store's root as configured, or why this node has none to back up or restore:
    /// <paramref name="onPostgreSql"/> on PostgreSQL, or an in-memory database, or a store that is not a folder.
    /// </summary>
    public static Result<(string Database, string BlobRoot)> Locate(
        DatabaseOptions options, IBlobStore blobs, Error onPostgreSql)
    {
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            return onPostgreSql;
        }

        if (SqliteFile.PathOf(options) is not { } database)
        {
            return BackupErrors.InMemory();
        }

        if (blobs is not FileSystemBlobStore store)
        {
            return BackupErrors.NotAFolderStore();
        }

        return (database, store.Root);
    }
}
