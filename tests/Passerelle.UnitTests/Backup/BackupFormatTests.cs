using Passerelle.Core.Backup;

namespace Passerelle.UnitTests.Backup;

/// <summary>The member names a restore accepts: those a backup writes, whatever a platform makes of the rest.</summary>
public sealed class BackupFormatTests
{
    [Theory]
    [InlineData("passerelle.db")]
    [InlineData("manifest.json")]
    [InlineData("blobs/01/0192f3a4b5c6d7e8f9a0b1c2d3e4f5a6.image")]
    [InlineData("blobs/01/0192f3a4b5c6d7e8f9a0b1c2d3e4f5a6.thumb")]
    public void A_name_a_backup_writes_is_accepted(string name) => Assert.True(BackupFormat.IsMemberName(name));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("blobs")]
    [InlineData("blobs/")]
    [InlineData("../passerelle.db")]
    [InlineData("./passerelle.db")]
    [InlineData("/etc/passwd")]
    [InlineData("/blobs/ab/x.image")]
    [InlineData("blobs/../passerelle.db")]
    [InlineData("blobs/ab/../../x")]
    [InlineData("blobs/./x")]
    [InlineData("blobs//x")]
    [InlineData("blobs/ab/")]
    [InlineData("blobs/ab/.hidden")]
    [InlineData("blobs/ab/..")]
    [InlineData("blobs\\ab\\x.image")]
    [InlineData("blobs/ab\\..\\..\\x")]
    [InlineData("C:/Windows/x")]
    [InlineData("blobs/C:/x")]
    [InlineData("blobs/ab/x.image\n")]
    [InlineData("blobs/ab/x\0.image")]
    [InlineData("blobs/ab/x y.image")]
    [InlineData("Passerelle.DB")]
    [InlineData("other/ab/x.image")]
    [InlineData("blobs/1/2/3/4/5/6/7/8")]
    public void Any_other_name_is_refused(string name) => Assert.False(BackupFormat.IsMemberName(name));

    [Fact]
    public void A_file_of_the_blob_store_is_named_under_blobs_and_a_stray_one_is_left_out()
    {
        Assert.Equal("blobs/01/0192.image", BackupFormat.BlobMemberName(Path.Combine("01", "0192.image")));
        Assert.Null(BackupFormat.BlobMemberName(Path.Combine("01", ".DS_Store")));
        Assert.Null(BackupFormat.BlobMemberName("notes about the store.txt"));
    }
}
