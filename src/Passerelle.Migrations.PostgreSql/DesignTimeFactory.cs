using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Passerelle.Core.Data;

namespace Passerelle.Migrations.PostgreSql;

/// <summary>Lets 'dotnet ef' build the model for PostgreSql; no connection is opened to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PasserelleDb>
{
    public PasserelleDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PasserelleDb>();
        DataSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=passerelle;Username=passerelle" });
        return new PasserelleDb(builder.Options);
    }
}
