namespace Passerelle.Core.Data;

/// <summary>
/// One row that a node rewrites to learn whether the database takes a committed write: reading proves little when
/// the disk is full, since reads need no room.
/// </summary>
public sealed class WriteProbe
{
    public const int OnlyId = 1;

    public int Id { get; set; }

    public DateTime ProbedAt { get; set; }
}
