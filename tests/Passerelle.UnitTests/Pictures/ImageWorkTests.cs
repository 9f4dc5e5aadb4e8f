using Microsoft.Extensions.Options;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;

namespace Passerelle.UnitTests.Pictures;

public sealed class ImageWorkTests
{
    private static ImageWork Limit(int slots, int waitMilliseconds) =>
        new(Options.Create(new PicturesSettings { MaxConcurrent = slots, WaitMilliseconds = waitMilliseconds }));

    [Fact]
    public async Task Work_beyond_the_limit_waits_briefly_then_is_told_the_server_is_busy()
    {
        using var work = Limit(slots: 1, waitMilliseconds: 50);
        var gate = new TaskCompletionSource();
        var first = work.RunAsync<int>(async () =>
        {
            await gate.Task;
            return 1;
        }, CancellationToken.None);

        var second = await work.RunAsync(() => Task.FromResult<Result<int>>(2), CancellationToken.None);

        Assert.Equal(("pictures.busy", ErrorKind.Busy), (second.Error?.Code, second.Error?.Kind));
        gate.SetResult();
        Assert.Equal(1, (await first).Value);
        Assert.Equal(3, (await work.RunAsync(() => Task.FromResult<Result<int>>(3), CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Work_that_waits_gets_the_slot_as_soon_as_it_is_freed()
    {
        using var work = Limit(slots: 1, waitMilliseconds: 10_000);
        var gate = new TaskCompletionSource();
        var first = work.RunAsync<int>(async () =>
        {
            await gate.Task;
            return 1;
        }, CancellationToken.None);

        var second = work.RunAsync(() => Task.FromResult<Result<int>>(2), CancellationToken.None);
        Assert.False(second.IsCompleted);
        gate.SetResult();

        Assert.Equal((1, 2), ((await first).Value, (await second).Value));
    }

    [Fact]
    public async Task A_failing_piece_of_work_gives_its_slot_back()
    {
        using var work = Limit(slots: 1, waitMilliseconds: 0);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => work.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.True((await work.RunAsync(() => Task.FromResult<Result<int>>(1), CancellationToken.None)).Succeeded);
    }

    [Theory]
    [InlineData(4000, 2800, 2048, 1433)]
    [InlineData(2800, 4000, 1433, 2048)]
    [InlineData(2048, 1536, 2048, 1536)]
    [InlineData(400, 200, 400, 200)]
    public void A_photo_is_read_at_most_2048_pixels_on_its_long_side(int width, int height, int readW, int readH)
    {
        var size = BarcodePhoto.ReadSize(width, height);

        Assert.Equal((readW, readH), (size.Width, size.Height));
    }
}
