namespace Passerelle.Core.Backup;

/// <summary>
/// Where a restore is written before it is put in place: beside each destination, on the same file system, so that
/// placing it is a rename. Disposing removes whatever was not placed, and the folders made for it, so a restore that
/// fails at any point leaves nothing behind.
/// </summary>
internal sealed class RestoreStaging(string database, string blobFolder) : IDisposable
{
    private readonly string id = Guid.NewGuid().ToString("N");
    private readonly List<string> created = [];
    private bool placed;

    public string Database => Beside(database, $".{Path.GetFileName(database)}.restore-{id}");

    public string Blobs => Beside(blobFolder, $".{Path.GetFileName(blobFolder)}.restore-{id}");

    /// <summary>A file, a log beside it, or a folder with anything in it, where the restore would go.</summary>
    public static bool HoldsData(string database, string blobFolder) =>
        SqliteFile.HoldsData(database)
        || File.Exists(blobFolder)
        || (Directory.Exists(blobFolder) && Directory.EnumerateFileSystemEntries(blobFolder).Any());

    public void Prepare()
    {
        Create(Path.GetDirectoryName(database)!);
        Create(Path.GetDirectoryName(blobFolder)!);
        Directory.CreateDirectory(Blobs);
    }

    /// <summary>The blob folder first, then the database, whose arrival is what a server would start on.</summary>
    public void Place()
    {
        var emptyFolder = Directory.Exists(blobFolder);
        if (emptyFolder)
        {
            Directory.Delete(blobFolder); // Not recursive: throws if anything arrived in it since it was checked.
        }

        Directory.Move(Blobs, blobFolder);
        try
        {
            // An empty file where the database goes is all HoldsData lets through.
            File.Move(Database, database, overwrite: File.Exists(database));
        }
        catch
        {
            Directory.Move(blobFolder, Blobs);
            if (emptyFolder)
            {
                Directory.CreateDirectory(blobFolder);
            }

            throw;
        }

        placed = true;
    }

    public void Dispose()
    {
        SqliteFile.Delete(Database);
        if (Directory.Exists(Blobs))
        {
            Directory.Delete(Blobs, recursive: true);
        }

        if (placed)
        {
            return;
        }

        foreach (var folder in Enumerable.Reverse(created))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // Something else has put a file in it meanwhile; it is no longer only ours to remove.
            }
        }
    }

    private static string Beside(string path, string name) => Path.Combine(Path.GetDirectoryName(path)!, name);

    /// <summary>Makes a folder and the missing ones above it, remembering each, outermost first.</summary>
    private void Create(string folder)
    {
        var missing = new Stack<string>();
        for (var at = folder; !string.IsNullOrEmpty(at) && !Directory.Exists(at); at = Path.GetDirectoryName(at))
        {
            missing.Push(at);
        }

        foreach (var path in missing)
        {
            Directory.CreateDirectory(path);
            created.Add(path);
        }
    }
}
