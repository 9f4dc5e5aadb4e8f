using Passerelle.Core.Common;

namespace Passerelle.UnitTests.Common;

public sealed class ValidationTests
{
    private static readonly ErrorCode Name = ErrorCode.Invalid("agency.name");

    [Fact]
    public void Every_failed_field_is_told_and_the_first_code_answers()
    {
        var error = new Validation()
            .Require(true, "code", ErrorCode.Invalid("agency.code"), "Give a code.")
            .Require(false, "name", Name, "Give a name.")
            .Require(false, "name", ErrorCode.Invalid("agency.name-length"), "At most 200 characters.")
            .Require(false, "country", ErrorCode.Invalid("agency.country"), "Give a country.")
            .ToError();

        Assert.NotNull(error);
        Assert.Equal(("agency.name", "Give a name.", ErrorKind.Invalid), (error.Code, error.Message, error.Kind));
        Assert.Equal(["Give a name.", "At most 200 characters."], error.Fields!["name"]);
        Assert.Equal(["Give a country."], error.Fields["country"]);
        Assert.False(error.Fields.ContainsKey("code"));
    }

    [Fact]
    public void A_validation_that_passes_has_no_error() =>
        Assert.Null(new Validation().Require(true, "name", Name, "Give a name.").ToError());

    [Fact]
    public void A_code_of_another_kind_is_refused_because_the_contract_would_promise_another_status() =>
        Assert.Throws<ArgumentException>(() =>
            new Validation().Require(false, "id", ErrorCode.NotFound("agency.not-found"), "No such agency."));
}
