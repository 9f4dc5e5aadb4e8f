namespace Passerelle.Fuzz;

/// <summary>
/// A reader that never returns more than <c>chunk</c> characters from one read, as a slow network does.
/// </summary>
internal sealed class ChunkedReader(string text, int chunk) : TextReader
{
    private int position;

    public override int Peek() => position < text.Length ? text[position] : -1;

    public override int Read() => position < text.Length ? text[position++] : -1;

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - position);
        text.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
