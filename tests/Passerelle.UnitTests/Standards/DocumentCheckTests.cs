using Passerelle.Core.Standards;

namespace Passerelle.UnitTests.Standards;

public sealed class DocumentCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static DocumentCheck Check(string mrz) => DocumentCheck.Of(MrzParser.Parse(mrz, Today).Value!);

    // ICAO Doc 9303 Part 4, Appendix A (TD3), and Part 5, Appendix A (TD1): the specimens pass.
    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")]
    [InlineData("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<")]
    public void The_ICAO_specimens_pass(string mrz)
    {
        var check = Check(mrz);

        Assert.Equal(DocumentCheck.Pass, check.Status);
        Assert.Empty(check.Reasons);
    }

    [Fact]
    public void Each_failing_check_digit_is_its_own_reason()
    {
        // The specimen's document number check digit changed from 6 to 7: the number's and the composite fail.
        var check = Check("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(DocumentCheck.Fail, check.Status);
        Assert.Equal(
            ["mrz.check-digit.document-number", "mrz.check-digit.composite"], check.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_blank_date_is_no_fault_but_a_date_that_is_none_is()
    {
        // Doc 9303 Part 3, 4.6: an unknown date of birth may be left as fillers; "741332" has a 13th month.
        var blank = Check("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO<<<<<<0F1204159ZE184226B<<<<<10");
        var wrong = Check("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7413322F1204159ZE184226B<<<<<10");

        Assert.Equal(DocumentCheck.Pass, blank.Status);
        Assert.Contains(wrong.Reasons, r => r is { Code: "mrz.birth-date", Value: "741332" });
    }

    [Fact]
    public void Every_reason_has_a_message_template()
    {
        Assert.All(DocumentCheck.Messages, m => Assert.False(string.IsNullOrWhiteSpace(m.Value)));
        Assert.Equal(DocumentCheck.NotChecked, DocumentCheck.Unchecked.Status);
        Assert.Equal("document.no-mrz", Assert.Single(DocumentCheck.Unchecked.Reasons).Code);
    }
}
