using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Passerelle.Core.Data;

namespace Passerelle.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef' build the model for Sqlite; no connection is opened to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PasserelleDb>
{
    public PasserelleDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PasserelleDb>();
        DataSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new PasserelleDb(builder.Options);
    }
}
