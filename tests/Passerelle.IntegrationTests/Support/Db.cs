namespace Passerelle.IntegrationTests.Support;

/// <summary>The databases every data test runs on.</summary>
public enum Db
{
    Sqlite,
    PostgreSql,
}

public static class Databases
{
    public static TheoryData<Db> Both => [Db.Sqlite, Db.PostgreSql];
}
