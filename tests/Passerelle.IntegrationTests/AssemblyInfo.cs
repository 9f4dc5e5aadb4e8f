using Passerelle.IntegrationTests.Support;

[assembly: AssemblyFixture(typeof(PostgresClusterLifetime))]
