using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Passerelle.IntegrationTests.Support;

/// <summary>Reads backup archives and writes altered ones, as someone holding a backup file could.</summary>
public static class BackupArchives
{
    public sealed record Member(
        string Name, byte[] Content, TarEntryType Type = TarEntryType.RegularFile, string? Link = null);

    public static List<Member> Read(string path)
    {
        using var tar = new TarReader(File.OpenRead(path));
        var members = new List<Member>();
        while (tar.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            var link = entry.LinkName is "" ? null : entry.LinkName;
            members.Add(new Member(entry.Name, content.ToArray(), entry.EntryType, link));
        }

        return members;
    }

    public static void Write(string path, IEnumerable<Member> members)
    {
        using var tar = new TarWriter(File.Create(path), TarEntryFormat.Pax);
        foreach (var m in members)
        {
            var entry = new PaxTarEntry(m.Type, m.Name);
            if (m.Link is not null)
            {
                entry.LinkName = m.Link;
            }
            else if (m.Type == TarEntryType.RegularFile)
            {
                entry.DataStream = new MemoryStream(m.Content);
            }

            tar.WriteEntry(entry);
        }
    }

    public static JsonNode Manifest(string path) =>
        JsonNode.Parse(Read(path).Single(m => m.Name == "manifest.json").Content)!;

    /// <summary>
    /// The archive's members with its manifest rewritten to list exactly the other regular members, each with its
    /// true length and checksum: what someone who altered a backup and covered their tracks would produce.
    /// </summary>
    public static List<Member> WithMatchingManifest(IReadOnlyList<Member> members)
    {
        var manifest = JsonNode.Parse(members.Single(m => m.Name == "manifest.json").Content)!;
        var listed = new JsonArray();
        foreach (var m in members.Where(m => m.Name != "manifest.json" && m.Type == TarEntryType.RegularFile))
        {
            listed.Add(new JsonObject
            {
                ["name"] = m.Name,
                ["bytes"] = m.Content.LongLength,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(m.Content)),
            });
        }

        manifest["members"] = listed;
        var json = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return [.. members.Where(m => m.Name != "manifest.json"), new Member("manifest.json", json)];
    }

    /// <summary>Every file under a folder by its relative path, with its bytes.</summary>
    public static Dictionary<string, byte[]> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes)
            : [];
}
