namespace Passerelle.Core.Backup;

/// <summary>
/// Where a restore is written before it is put in place: beside each destination, on the same file system, so that
/// placing it is a rename. What it writes, and each folder it makes, is its owner's alone (<see cref="OwnerOnly"/>).
/// Disposing removes whatever was not placed, and the folders made for it, so a restore that fails at any point leaves
/// nothing behind.
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

    /// <summary>Where an empty file found at the database's place is moved, to be sure it is still empty.</summary>
    private string Emptied => Beside(database, $".{Path.GetFileName(database)}.restore-{id}.empty");

    public void Prepare()
    {
        Create(Path.GetDirectoryName(database)!);
        Create(Path.GetDirectoryName(blobFolder)!);
        OwnerOnly.CreateFolder(Blobs);
    }

    /// <summary>
    /// The blob folder first, then the database, whose arrival is what a server would start on. Nothing is renamed
    /// over: what appeared since the place was checked (a server started on it meanwhile) stays, and the restore is
    /// taken back. <paramref name="emptyFileSeen"/> says the database's place held an empty file, which is the one
    /// thing let through. Returns where something appeared, or null once all is in place.
    /// </summary>
    public string? Place(bool emptyFileSeen)
    {
        var emptyFolder = Directory.Exists(blobFolder);
        try
        {
            if (emptyFolder)
            {
                Directory.Delete(blobFolder); // Not recursive: throws if anything arrived in it since it was checked.
            }

            Directory.Move(Blobs, blobFolder);
        }
        catch (IOException) when (Path.Exists(blobFolder))
        {
            return blobFolder;
        }

        string? appeared;
        try
        {
            appeared = (emptyFileSeen ? TakeEmptyFile() : null) ?? MoveDatabase();
        }
        catch
        {
            TakeBlobsBack(emptyFolder);
            throw;
        }

        if (appeared is not null)
        {
            TakeBlobsBack(emptyFolder);
            return appeared;
        }

        placed = true;
        return null;
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

    /// <summary>
    /// Moves the empty file out of the way, so that the database's rename need not replace it, unless it was written
    /// to since it was checked: then it goes back as it was, and its path is returned.
    /// </summary>
    private string? TakeEmptyFile()
    {
        try
        {
            File.Move(database, Emptied);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (new FileInfo(Emptied).Length == 0)
        {
            File.Delete(Emptied);
            return null;
        }

        File.Move(Emptied, database);
        return database;
    }

    private string? MoveDatabase()
    {
        try
        {
            File.Move(Database, database, overwrite: false);
            return null;
        }
        catch (IOException) when (Path.Exists(database))
        {
            return database;
        }
    }

    private void TakeBlobsBack(bool emptyFolder)
    {
        Directory.Move(blobFolder, Blobs);
        if (emptyFolder)
        {
            Directory.CreateDirectory(blobFolder);
        }
    }

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
            OwnerOnly.CreateFolder(path);
            created.Add(path);
        }
    }
}
