using Microsoft.Extensions.Configuration;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

/// <summary>Which connection string the application and the migrations use, for each way of configuring them.</summary>
public sealed class PostgresConnectionTests
{
    private const string App = "Host=db;Username=app;Database=optauto";
    private const string Owner = "Host=db;Username=owner;Database=optauto";

    [Theory]
    [InlineData(App, Owner, App, Owner)]
    [InlineData(App, "", App, App)]
    [InlineData("", Owner, Owner, Owner)]
    public void Configured_OneServesForBothWhenTheOtherIsEmpty(string postgres, string postgresOwner, string application, string migrations)
    {
        var configuration = Configuration(postgres, postgresOwner);

        Assert.Equal((application, migrations), (PostgresConnection.Resolve(configuration), PostgresConnection.ResolveOwner(configuration)));
    }

    [Theory]
    [InlineData(App, PostgresConnection.MaxAutoPrepare, GssEncryptionMode.Disable)]
    [InlineData(App + ";Max Auto Prepare=5;Gss Encryption Mode=Require", 5, GssEncryptionMode.Require)]
    [InlineData(App + ";Application Name=gss-reporting", PostgresConnection.MaxAutoPrepare, GssEncryptionMode.Disable)]
    public void DataSource_AutoPreparesAndSkipsGss_UnlessTheConnectionStringSaysOtherwise(string connectionString, int maxAutoPrepare, GssEncryptionMode gss)
    {
        using var dataSource = PostgresConnection.CreateDataSource(connectionString);

        var used = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal((maxAutoPrepare, gss), (used.MaxAutoPrepare, used.GssEncryptionMode));
    }

    [Fact]
    public void NoneConfigured_ThePrivateClusterWithItsTwoRoles()
    {
        var configuration = Configuration("", "");

        var application = new NpgsqlConnectionStringBuilder(PostgresConnection.Resolve(configuration));
        var migrations = new NpgsqlConnectionStringBuilder(PostgresConnection.ResolveOwner(configuration));

        Assert.Equal(("optauto_app", "optauto"), (application.Username, application.Database));
        Assert.Equal(("optauto_owner", "optauto"), (migrations.Username, migrations.Database));
    }

    [Fact]
    public void PrivateClusterPort_IsDbShsDefault_AndBelowTheEphemeralPorts()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scripts", "db.sh"));
        Assert.Contains($"port=${{OPTAUTO_PG_PORT:-{PostgresConnection.PrivateClusterDefaultPort}}}", script, StringComparison.Ordinal);

        // Linux's range where the machine has one; macOS's starts higher (49152).
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var firstEphemeral = File.Exists(range) ? int.Parse(File.ReadAllText(range).Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture) : 32768;
        Assert.True(PostgresConnection.PrivateClusterDefaultPort < firstEphemeral,
            $"port {PostgresConnection.PrivateClusterDefaultPort} is inside the ephemeral range starting at {firstEphemeral}");
    }

    private static IConfiguration Configuration(string postgres, string postgresOwner) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:PostgresOwner"] = postgresOwner,
        }).Build();
}
