namespace Passerelle.Core.Standards;

/// <summary>Proposes the one OCR confusion that would make an MRZ whose checks fail read true.</summary>
internal static class MrzCorrector
{
    private static readonly (char A, char B)[] Confusions =
        [('O', '0'), ('I', '1'), ('B', '8'), ('S', '5'), ('Z', '2'), ('G', '6')];

    /// <summary>
    /// The one OCR confusion that makes every check hold, if exactly one does. A reader that mistakes O for 0 in
    /// <c>BN0257453</c> reads <c>BNO257453</c>; swapping that one character back is the proposal.
    /// </summary>
    public static List<MrzCorrection> Propose(MrzLayout layout, string[] lines, DateOnly today)
    {
        var found = new List<MrzCorrection>();
        for (var line = 0; line < lines.Length; line++)
        {
            for (var position = 0; position < lines[line].Length; position++)
            {
                var read = lines[line][position];
                var corrected = Confusions.Where(c => c.A == read || c.B == read)
                    .Select(c => c.A == read ? c.B : c.A)
                    .FirstOrDefault();
                if (corrected == default)
                {
                    continue;
                }

                var changed = lines.ToArray();
                changed[line] = string.Concat(
                    changed[line].AsSpan(0, position), corrected.ToString(), changed[line].AsSpan(position + 1));
                var fixedRead = MrzParser.Read(layout, changed, today);
                if (fixedRead.Checks.AllHold)
                {
                    var (field, value) = FieldAt(layout, fixedRead, line, position);
                    found.Add(new MrzCorrection(
                        field, line + 1, position + 1, read.ToString(), corrected.ToString(), value));
                }
            }
        }

        return found.Count == 1 ? found : [];
    }

    private static (string Field, string Value) FieldAt(MrzLayout layout, Mrz mrz, int line, int position)
    {
        string Text(Slot slot) => slot.Of(mrz.Lines);
        if (layout.Birth.Contains(line, position))
        {
            return ("birthDate", Text(layout.Birth));
        }

        if (layout.Expiry.Contains(line, position))
        {
            return ("expiryDate", Text(layout.Expiry));
        }

        if (layout.Number.Contains(line, position)
            || (layout.AllowsLongNumber && layout.Optional.Contains(line, position) && mrz.DocumentNumber.Length > 9))
        {
            return ("documentNumber", mrz.DocumentNumber);
        }

        if (layout.Optional.Contains(line, position))
        {
            return ("optionalData", mrz.OptionalData);
        }

        return ("checkDigit", mrz.Lines[line][position].ToString());
    }
}
