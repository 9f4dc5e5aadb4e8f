using Npgsql;
using Passerelle.Core.Data;

namespace Passerelle.UnitTests.Data;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void A_postgresql_connection_prepares_its_repeated_statements_by_default()
    {
        var prepared = new NpgsqlConnectionStringBuilder(
            DataSetup.PreparePostgreSql("Host=db.example;Username=passerelle;Password=s3cret"));

        Assert.Equal(DataSetup.AutoPrepared, prepared.MaxAutoPrepare);
        Assert.Equal("db.example", prepared.Host);
        Assert.Equal("s3cret", prepared.Password);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;max auto prepare=7", 7)]
    [InlineData("Host=db.example;MaxAutoPrepare=0", 0)]
    public void A_connection_string_that_sets_auto_preparation_keeps_its_value(string connection, int expected)
    {
        var prepared = new NpgsqlConnectionStringBuilder(DataSetup.PreparePostgreSql(connection));

        Assert.Equal(expected, prepared.MaxAutoPrepare);
    }
}
