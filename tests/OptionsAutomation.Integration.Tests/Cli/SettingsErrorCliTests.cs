using System.Net;
using System.Net.Sockets;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// A wrong setting, wherever it is written (command line, environment variable, appsettings file), stops the CLI and
/// the worker alike with exit code 1 and one line naming the key, the value and what is expected: no stack trace.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class SettingsErrorCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task ABadValueOnTheCommandLine_NamesKeyValueAndWhatIsExpected()
    {
        var run = (await Cli.RunAsync("positions", "list", "--Risk:MaxPositions=abc")).WasRefused();

        Assert.Equal(
            "error: invalid configuration: Risk:MaxPositions = 'abc' (command line --Risk:MaxPositions): expected a whole number (the default is 5).",
            run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task ABadValueInTheEnvironment_StopsTheWorkerTooNamingTheVariable()
    {
        using var worker = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["ExitRules__ProfitTargetFraction"] = "half" });

        var run = (await worker.RunAsync("run")).WasRefused();

        Assert.Contains(
            "ExitRules:ProfitTargetFraction = 'half' (environment variable ExitRules__ProfitTargetFraction): expected a number (a dot for decimals) (the default is 0.5",
            run.Stderr, StringComparison.Ordinal);
        NoTrace(run);
    }

    [Fact]
    public async Task ABadCron_NamesTheJobKeyAndTheValue()
    {
        using var worker = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["Jobs__ExitRulesCron"] = "every 5 minutes" });

        var run = (await worker.RunAsync("run", "--Service:Urls=http://127.0.0.1:0")).WasRefused();

        Assert.Contains("Jobs:ExitRulesCron = 'every 5 minutes' is not a Quartz cron expression", run.Stderr, StringComparison.Ordinal);
        NoTrace(run);
    }

    public static TheoryData<string, string[], Dictionary<string, string>, string> Misspellings => new()
    {
        { "command line", ["positions", "list", "--ExitRules:ProfitTargetFracton=0.4"], [], "(command line --ExitRules:ProfitTargetFracton)" },
        { "environment", ["positions", "list"], new() { ["ExitRules__ProfitTargetFracton"] = "0.4" }, "(environment variable ExitRules__ProfitTargetFracton)" },
    };

    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task AMisspeltKeyInAKnownSection_IsRefusedWithDidYouMean(string source, string[] args, Dictionary<string, string> environment, string from)
    {
        using var cli = new OptautoProcess(Db.ConnectionString, environment);

        var run = (await cli.RunAsync(args)).WasRefused();

        Assert.True(
            run.Stderr.Trim() == $"error: invalid configuration: ExitRules:ProfitTargetFracton {from} is not a setting; did you mean ExitRules:ProfitTargetFraction?",
            $"{source}: {run}");
    }

    [Fact]
    public async Task AMisspeltKeyInAnAppsettingsFile_IsRefusedNamingTheFile()
    {
        // appsettings.{Environment}.json next to the binary is the file layer a user edits; a name of this test's own.
        var environmentName = $"SettingsErrorTest{Guid.NewGuid():N}";
        var file = Path.Combine(Path.GetDirectoryName(OptautoProcess.DllPath)!, $"appsettings.{environmentName}.json");
        await File.WriteAllTextAsync(file, """{ "Sizing": { "RiskPerTradePc": 3 } }""");
        try
        {
            using var cli = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["OPTAUTO_ENVIRONMENT"] = environmentName });

            var run = (await cli.RunAsync("positions", "list")).WasRefused();

            Assert.Contains($"Sizing:RiskPerTradePc (appsettings.{environmentName}.json) is not a setting; did you mean Sizing:RiskPerTradePct?", run.Stderr, StringComparison.Ordinal);
            NoTrace(run);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task KeysOfSectionsWeDoNotBind_StayAllowed()
    {
        using var cli = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["AllowedHosts"] = "*", ["Serilog__Properties__Host"] = "test" });

        (await cli.RunAsync("positions", "list", "--json", "--Logging:LogLevel:Default=Warning")).Succeeded();
    }

    [Fact]
    public async Task ABusyPort_IsNamedWithTheSettingToChooseAnother_BeforeTheWorkerSaysReady()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var worker = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["Jobs__Clustered"] = "false" });

        var run = (await worker.RunAsync("run", $"--Service:Urls=http://127.0.0.1:{port}")).WasRefused();

        Assert.Contains($"port {port} on 127.0.0.1 is already in use", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"--Service:Urls=http://127.0.0.1:{port + 1}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Worker ready", run.Stderr, StringComparison.Ordinal);
        NoTrace(run);
    }

    private static void NoTrace(CliResult run)
    {
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
