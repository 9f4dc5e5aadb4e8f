using Passerelle.Core.Pictures;

namespace Passerelle.UnitTests.Pictures;

public sealed class FileSystemBlobStoreTests
{
    [Fact]
    public async Task A_write_that_fails_leaves_no_file_behind_and_a_write_that_succeeds_leaves_exactly_the_key()
    {
        var root = Directory.CreateTempSubdirectory("passerelle-blobs-").FullName;
        try
        {
            var store = new FileSystemBlobStore(root);
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                store.PutAsync("0123456789abcdef.image", new byte[1024], cancelled.Token));
            var afterFailure = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
            await store.PutAsync("0123456789abcdef.image", new byte[] { 1, 2, 3 }, CancellationToken.None);

            Assert.Empty(afterFailure);
            var file = Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
            Assert.Equal("0123456789abcdef.image", Path.GetFileName(file));
            Assert.Equal([1, 2, 3], await store.GetAsync("0123456789abcdef.image", CancellationToken.None));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
