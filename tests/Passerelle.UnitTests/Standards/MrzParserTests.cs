using FsCheck.Fluent;
using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

public sealed class MrzParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    // ICAO Doc 9303 Part 4 (8th ed., 2021), Appendix A: the TD3 specimen passport.
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    // ICAO Doc 9303 Part 5, Appendix A: the TD1 specimen identity card.
    private const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    // ICAO Doc 9303 Part 6, Appendix A: the TD2 specimen identity card.
    private const string Td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

    // ICAO Doc 9303 Part 11, Appendix D.2: long document number D23145890734 in TD1 and TD2.
    private const string Td1Long = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<";
    private const string Td2Long = "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8";

    // ICAO Doc 9303 Part 7, Appendix A: the MRV-A and MRV-B specimen visas.
    private const string MrvA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<";
    private const string MrvB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<";

    private static Mrz Parse(string text)
    {
        var result = MrzParser.Parse(text, Today);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    [Fact]
    public void The_TD3_specimen_passport_parses_with_every_check_true()
    {
        var mrz = Parse(Td3);

        Assert.Equal(("TD3", "P", "UTO", "L898902C3", "UTO"), (mrz.Format, mrz.DocumentCode, mrz.IssuingState, mrz.DocumentNumber, mrz.Nationality));
        Assert.Equal((new DateOnly(1974, 8, 12), new DateOnly(2012, 4, 15), "F"), (mrz.BirthDate, mrz.ExpiryDate, mrz.Sex));
        Assert.Equal(("ERIKSSON", "ANNA MARIA", "ZE184226B"), (mrz.PrimaryIdentifier, mrz.SecondaryIdentifier, mrz.OptionalData));
        Assert.Equal(new MrzChecks(true, true, true, true, true), mrz.Checks);
        Assert.True(mrz.Valid);
        Assert.Empty(mrz.Corrections);
    }

    [Theory]
    [InlineData(Td1, "TD1", "D23145890", "ERIKSSON", "ANNA MARIA")]
    [InlineData(Td2, "TD2", "D23145890", "ERIKSSON", "ANNA MARIA")]
    [InlineData(Td1Long, "TD1", "D23145890734", "STEVENSON", "PETER JOHN")]
    [InlineData(Td2Long, "TD2", "D23145890734", "STEVENSON", "PETER JOHN")]
    public void The_identity_card_specimens_parse_with_every_check_true(string text, string format, string number, string primary, string secondary)
    {
        var mrz = Parse(text);

        Assert.Equal((format, "I", "UTO", number), (mrz.Format, mrz.DocumentCode, mrz.IssuingState, mrz.DocumentNumber));
        Assert.Equal((primary, secondary), (mrz.PrimaryIdentifier, mrz.SecondaryIdentifier));
        Assert.Equal(new MrzChecks(true, true, true, null, true), mrz.Checks);
        Assert.Equal("", mrz.OptionalData);
    }

    [Theory]
    [InlineData(MrvA, "MRV-A", "6ZE184226B")]
    [InlineData(MrvB, "MRV-B", "")]
    public void The_visa_specimens_parse_with_every_check_true_and_no_composite(string text, string format, string optional)
    {
        var mrz = Parse(text);

        Assert.Equal((format, "V", "UTO", "L8988901C", "XXX"), (mrz.Format, mrz.DocumentCode, mrz.IssuingState, mrz.DocumentNumber, mrz.Nationality));
        Assert.Equal((new DateOnly(1940, 9, 7), new DateOnly(1996, 12, 10)), (mrz.BirthDate, mrz.ExpiryDate));
        Assert.Equal(optional, mrz.OptionalData);
        Assert.Equal(new MrzChecks(true, true, true, null, null), mrz.Checks);
    }

    /// <summary>
    /// Altering one digit of a field fails that field's check and no other field's; the composite, which covers every
    /// field but the nationality, fails with it. Altering the composite digit fails the composite alone.
    /// </summary>
    [Theory]
    [InlineData(Td3, 1, 2, "documentNumber")]
    [InlineData(Td3, 1, 15, "birthDate")]
    [InlineData(Td3, 1, 23, "expiryDate")]
    [InlineData(Td3, 1, 30, "optionalData")]
    [InlineData(Td3, 1, 43, "composite")]
    [InlineData(Td1, 0, 7, "documentNumber")]
    [InlineData(Td1, 1, 2, "birthDate")]
    [InlineData(Td1, 1, 10, "expiryDate")]
    [InlineData(Td1, 1, 29, "composite")]
    [InlineData(Td2, 1, 3, "documentNumber")]
    [InlineData(Td2, 1, 16, "birthDate")]
    [InlineData(Td2, 1, 24, "expiryDate")]
    [InlineData(Td2, 1, 35, "composite")]
    [InlineData(Td1Long, 0, 16, "documentNumber")]
    [InlineData(Td2Long, 1, 30, "documentNumber")]
    [InlineData(MrvA, 1, 4, "documentNumber")]
    [InlineData(MrvA, 1, 15, "birthDate")]
    [InlineData(MrvB, 1, 24, "expiryDate")]
    public void An_altered_digit_fails_its_own_check_and_no_other_field_check(string text, int line, int index, string check)
    {
        var lines = text.Split('\n');
        var digit = lines[line][index];
        Assert.True(char.IsAsciiDigit(digit), $"vector position {index} of line {line + 1} is '{digit}'");
        lines[line] = lines[line][..index] + (char)('0' + ((digit - '0' + 1) % 10)) + lines[line][(index + 1)..];

        var checks = Parse(string.Join('\n', lines)).Checks;

        var byName = new Dictionary<string, bool?>
        {
            ["documentNumber"] = checks.DocumentNumber,
            ["birthDate"] = checks.BirthDate,
            ["expiryDate"] = checks.ExpiryDate,
            ["optionalData"] = checks.OptionalData,
            ["composite"] = checks.Composite,
        };
        Assert.False(byName[check]);
        foreach (var (name, holds) in byName.Where(c => c.Key != check && c.Key != "composite"))
        {
            Assert.NotEqual(false, holds);
        }
    }

    [Fact]
    public void A_misread_O_for_0_is_proposed_back_when_it_is_the_only_fix()
    {
        // The example of the issue: a Botswana passport BN0257453 read as BNO257453; the line is built with its
        // check digits per Doc 9303 Part 3, 4.9.
        var line2 = Td3Line2("BN0257453", "BWA", "8504125", "M", "3002286");
        var misread = "P<BWAMOTSWANA<<KABO<<<<<<<<<<<<<<<<<<<<<<<<<\n" + line2.Replace("BN0257453", "BNO257453", StringComparison.Ordinal);

        var mrz = Parse(misread);

        Assert.False(mrz.Checks.DocumentNumber);
        var correction = Assert.Single(mrz.Corrections);
        Assert.Equal(("documentNumber", 2, 3, "O", "0", "BN0257453"), (correction.Field, correction.Line, correction.Position, correction.Read, correction.Corrected, correction.Value));
    }

    [Fact]
    public void Input_is_taken_as_readers_and_people_give_it()
    {
        var spaced = "  " + Td3.ToLowerInvariant().Replace("\n", "   ", StringComparison.Ordinal) + " \r\n";

        Assert.Equal(Parse(Td3), Parse(spaced), new MrzComparer());
        Assert.Equal(Parse(Td1), Parse(Td1.Replace("\n", "\r\n", StringComparison.Ordinal)), new MrzComparer());
        Assert.Equal(Parse(Td2), Parse(Td2.Replace("\n", "\r", StringComparison.Ordinal)), new MrzComparer());
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1", "Line 2 has 43 characters")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "Line 1 has 43 characters")]
    [InlineData("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<", "Line 3 has 29 characters")]
    public void A_line_of_the_wrong_length_is_refused_naming_the_line_and_its_length(string text, string message)
    {
        var result = MrzParser.Parse(text, Today);

        Assert.False(result.Succeeded);
        Assert.Equal("mrz.line-length", result.Error!.Code);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_outside_the_MRZ_alphabet_is_refused_with_its_place()
    {
        var result = MrzParser.Parse(Td3.Replace("ANNA", "AN-A", StringComparison.Ordinal), Today);

        Assert.Equal("mrz.character", result.Error!.Code);
        Assert.Contains("Line 1, position 18", result.Error.Message, StringComparison.Ordinal);
    }

    // Doc 9303 Part 3: the MRZ holds A to Z, 0 to 9 and '<' only. The invariant culture upper-cases the dotless ı into
    // I and the long ſ into S, so these are refused before the line is upper-cased.
    [Theory]
    [InlineData("ı")]
    [InlineData("ſ")]
    public void A_letter_that_upper_cases_into_the_MRZ_alphabet_is_still_refused(string letter)
    {
        var result = MrzParser.Parse(Td3.Replace("ANNA", "ANN" + letter, StringComparison.Ordinal), Today);

        Assert.Equal("mrz.character", result.Error?.Code);
        Assert.Contains($"Line 1, position 19: '{letter}'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_digit_birth_year_is_never_in_the_future_but_an_expiry_year_may_be()
    {
        var mrz = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2("L898902C3", "UTO", "2703015", "F", "3412315"));

        Assert.Equal(new DateOnly(1927, 3, 1), mrz.BirthDate);
        Assert.Equal(new DateOnly(2034, 12, 31), mrz.ExpiryDate);
    }

    [Fact]
    public void The_check_digit_follows_the_worked_example_of_Doc_9303_Part_3()
    {
        // Part 3, 4.9.2: the date 520727 has check digit 3.
        Assert.Equal(3, CheckDigit.Compute("520727"));
        Assert.Equal(6, CheckDigit.Compute("L898902C3"));
    }

    /// <summary>A TD3 second line for a number, nationality, birth date+check-less, sex and expiry, with every check digit computed.</summary>
    private static string Td3Line2(string number, string nationality, string birthWithoutCheck, string sex, string expiryWithoutCheck)
    {
        var birth = birthWithoutCheck[..6];
        var expiry = expiryWithoutCheck[..6];
        var start = number + CheckDigit.Compute(number) + nationality + birth + CheckDigit.Compute(birth) + sex + expiry + CheckDigit.Compute(expiry);
        var optional = new string('<', 14);
        var withOptional = start + optional + CheckDigit.Compute(optional);
        var composite = withOptional[..10] + withOptional[13..20] + withOptional[21..43];
        return withOptional + CheckDigit.Compute(composite);
    }

    private sealed class MrzComparer : IEqualityComparer<Mrz>
    {
        public bool Equals(Mrz? x, Mrz? y) => x is not null && y is not null && x.Lines.SequenceEqual(y.Lines) && x.Checks == y.Checks;

        public int GetHashCode(Mrz obj) => obj.Lines.Count;
    }
}
