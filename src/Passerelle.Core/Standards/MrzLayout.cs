namespace Passerelle.Core.Standards;

/// <summary>
/// Where each field sits in each format, from ICAO Doc 9303 Parts 4 (TD3), 5 (TD1), 6 (TD2) and 7 (MRV-A, MRV-B).
/// Positions are 0-based here; the standard counts from 1.
/// </summary>
internal sealed record MrzLayout(
    string Format,
    int Lines,
    int Length,
    Slot Name,
    Slot Number,
    Slot NumberCheck,
    Slot Nationality,
    Slot Birth,
    Slot BirthCheck,
    Slot Sex,
    Slot Expiry,
    Slot ExpiryCheck,
    Slot Optional,
    Slot? OptionalCheck,
    Slot? Optional2,
    Slot[]? Composite,
    Slot? CompositeCheck)
{
    public static readonly MrzLayout TD1 = new("TD1", 3, 30,
        Name: new(2, 0, 30), Number: new(0, 5, 9), NumberCheck: new(0, 14, 1), Nationality: new(1, 15, 3),
        Birth: new(1, 0, 6), BirthCheck: new(1, 6, 1), Sex: new(1, 7, 1),
        Expiry: new(1, 8, 6), ExpiryCheck: new(1, 14, 1),
        Optional: new(0, 15, 15), OptionalCheck: null, Optional2: new(1, 18, 11),
        Composite: [new(0, 5, 25), new(1, 0, 7), new(1, 8, 7), new(1, 18, 11)], CompositeCheck: new(1, 29, 1));

    public static readonly MrzLayout TD2 = new("TD2", 2, 36,
        Name: new(0, 5, 31), Number: new(1, 0, 9), NumberCheck: new(1, 9, 1), Nationality: new(1, 10, 3),
        Birth: new(1, 13, 6), BirthCheck: new(1, 19, 1), Sex: new(1, 20, 1),
        Expiry: new(1, 21, 6), ExpiryCheck: new(1, 27, 1),
        Optional: new(1, 28, 7), OptionalCheck: null, Optional2: null,
        Composite: [new(1, 0, 10), new(1, 13, 7), new(1, 21, 14)], CompositeCheck: new(1, 35, 1));

    public static readonly MrzLayout TD3 = new("TD3", 2, 44,
        Name: new(0, 5, 39), Number: new(1, 0, 9), NumberCheck: new(1, 9, 1), Nationality: new(1, 10, 3),
        Birth: new(1, 13, 6), BirthCheck: new(1, 19, 1), Sex: new(1, 20, 1),
        Expiry: new(1, 21, 6), ExpiryCheck: new(1, 27, 1),
        Optional: new(1, 28, 14), OptionalCheck: new(1, 42, 1), Optional2: null,
        Composite: [new(1, 0, 10), new(1, 13, 7), new(1, 21, 22)], CompositeCheck: new(1, 43, 1));

    public static readonly MrzLayout MrvA = TD3 with
    {
        Format = "MRV-A",
        Optional = new(1, 28, 16),
        OptionalCheck = null,
        Composite = null,
        CompositeCheck = null,
    };

    public static readonly MrzLayout MrvB = TD2 with
    {
        Format = "MRV-B",
        Optional = new(1, 28, 8),
        Composite = null,
        CompositeCheck = null,
    };

    /// <summary>
    /// A long document number puts '&lt;' where its check digit would be, and continues in the optional data.
    /// </summary>
    public bool AllowsLongNumber => Format is "TD1" or "TD2";

    /// <summary>The layout for these lines' count, length and document code, if any.</summary>
    public static MrzLayout? For(IReadOnlyList<string> lines)
    {
        var visa = lines[0].StartsWith('V');
        return (lines.Count, lines[0].Length) switch
        {
            (3, 30) => TD1,
            (2, 36) => visa ? MrvB : TD2,
            (2, 44) => visa ? MrvA : TD3,
            _ => null,
        };
    }
}

/// <summary>A run of characters on one line.</summary>
internal readonly record struct Slot(int Line, int Start, int Length)
{
    public string Of(IReadOnlyList<string> lines) => lines[Line].Substring(Start, Length);

    public bool Contains(int line, int position) => line == Line && position >= Start && position < Start + Length;
}
