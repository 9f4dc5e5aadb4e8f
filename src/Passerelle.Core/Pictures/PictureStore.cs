using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;

namespace Passerelle.Core.Pictures;

public sealed record PictureView(
    Guid Id, string Subject, string ContentType, int Width, int Height, long Bytes, DateTime CreatedAt,
    bool Counterfeit, string? Caption);

/// <summary>A picture as a sheet lists it: whether it shows a fake, and what to look at.</summary>
public sealed record PictureRef(Guid Id, bool Counterfeit, string? Caption);

/// <summary>
/// Accepted pictures and their files, whatever they belong to. Files are written before their row and removed again if
/// the row does not commit, so a stored row always has its files and no file outlives a failed request.
/// </summary>
public sealed class PictureStore(PasserelleDb db, IBlobStore blobs, TimeProvider time, ImageWork work)
{
    /// <summary>
    /// Checks every file by content before anything is written; the first bad one refuses them all. A request's
    /// pictures are worked on one after another in a single slot of <see cref="ImageWork"/>.
    /// </summary>
    public Task<Result<IReadOnlyList<AcceptPicture.Accepted>>> AcceptAllAsync(
        IReadOnlyList<byte[]> files, CancellationToken ct) =>
        work.RunAsync(() => AcceptEachAsync(files, ct), ct);

    private static async Task<Result<IReadOnlyList<AcceptPicture.Accepted>>> AcceptEachAsync(
        IReadOnlyList<byte[]> files, CancellationToken ct)
    {
        var accepted = new List<AcceptPicture.Accepted>();
        foreach (var file in files)
        {
            var one = await AcceptPicture.ProcessAsync(file, ct);
            if (!one.Succeeded)
            {
                return one.Error with
                {
                    Message = files.Count > 1 ? $"Photo {accepted.Count + 1}: {one.Error.Message}" : one.Error.Message,
                };
            }

            accepted.Add(one.Value);
        }

        return accepted;
    }

    /// <summary>
    /// Writes the files and tracks the rows in <see cref="PasserelleDb"/>; the caller's change commits the rows, and
    /// <see cref="KeepIfCommittedAsync"/> hears how that went.
    /// </summary>
    public async Task<IReadOnlyList<Picture>> StageAsync(
        Actor actor, Guid ownerAgencyId, string subject, IReadOnlyList<AcceptPicture.Accepted> accepted,
        CancellationToken ct, bool counterfeit = false, string? caption = null)
    {
        var pictures = new List<Picture>();
        foreach (var a in accepted)
        {
            var picture = new Picture
            {
                Id = Guid.CreateVersion7(),
                OwnerAgencyId = ownerAgencyId,
                Subject = subject,
                ContentType = a.ContentType,
                Width = a.Width,
                Height = a.Height,
                Bytes = a.Image.LongLength,
                CreatedAt = time.UtcNow(),
                CreatedBy = actor.Login,
                Counterfeit = counterfeit,
                Caption = caption,
            };
            pictures.Add(picture);
            try
            {
                await blobs.PutAsync(Key(picture.Id, thumbnail: false), a.Image, ct);
                await blobs.PutAsync(Key(picture.Id, thumbnail: true), a.Thumbnail, ct);
            }
            catch
            {
                // A full disk halfway through a set of photos: the files already written would name no row.
                await DeleteFilesAsync(pictures);
                throw;
            }

            db.Pictures.Add(picture);
        }

        return pictures;
    }

    /// <summary>
    /// Awaits <paramref name="commit"/>, the change that saves the staged rows: the files stay if it commits, and are
    /// deleted if it fails before the exception goes on.
    /// </summary>
    public async Task KeepIfCommittedAsync(IReadOnlyList<Picture> staged, Task commit)
    {
        try
        {
            await commit;
        }
        catch (Exception ex)
        {
            // A connection lost during the commit leaves its outcome unknown: the rows may have landed, and files
            // deleted under them would be lost for good, where files kept for rows that did not land only take room.
            if (DatabaseFaults.Classify(ex) != StorageFault.Unavailable)
            {
                await DeleteFilesAsync(staged);
            }

            throw;
        }
    }

    private async Task DeleteFilesAsync(IReadOnlyList<Picture> pictures)
    {
        foreach (var picture in pictures)
        {
            await blobs.DeleteAsync(Key(picture.Id, thumbnail: false), CancellationToken.None);
            await blobs.DeleteAsync(Key(picture.Id, thumbnail: true), CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<PictureView>> OfAsync(IReadOnlyList<string> subjects, CancellationToken ct)
    {
        var pictures = await db.Pictures.AsNoTracking().Where(p => subjects.Contains(p.Subject))
            .OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return [.. pictures.Select(View)];
    }

    public Task<byte[]?> ReadAsync(Guid id, bool thumbnail, CancellationToken ct) =>
        blobs.GetAsync(Key(id, thumbnail), ct);

    public static PictureView View(Picture p) => new(
        p.Id, p.Subject, p.ContentType, p.Width, p.Height, p.Bytes, p.CreatedAt, p.Counterfeit, p.Caption);

    /// <summary>The blob store key of a picture or its thumbnail; backups look for them under these names.</summary>
    internal static string Key(Guid id, bool thumbnail) => id.ToString("N") + (thumbnail ? ".thumb" : ".image");
}
