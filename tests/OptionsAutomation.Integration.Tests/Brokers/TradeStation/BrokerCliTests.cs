using System.Text.Json;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation;

/// <summary><c>optauto broker login|status</c> as processes against the loopback TradeStation server.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class BrokerCliTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TradeStationServer _ts = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _ts = await TradeStationServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _ts.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Status_ShowsEnvironmentAccountMoneyAndTokenState_NeverTheToken()
    {
        using var cli = Cli(withEnvironmentToken: true);

        var json = (await cli.RunAsync("broker", "status", "--json")).Succeeded();
        var text = (await cli.RunAsync("broker", "status")).Succeeded();

        using var status = JsonDocument.Parse(json.Stdout);
        var root = status.RootElement;
        Assert.Equal("tradestation", root.GetProperty("provider").GetString());
        Assert.Equal($"SIM at {_ts.ApiBaseUrl}", root.GetProperty("environment").GetString());
        Assert.False(root.GetProperty("live").GetBoolean());
        Assert.Equal(TradeStationServer.SimAccountId, root.GetProperty("account_id").GetString());
        Assert.Equal(3, root.GetProperty("option_approval_level").GetInt32());
        Assert.Equal(101_250.5m, root.GetProperty("equity").GetDecimal());
        Assert.Equal(90_000m, root.GetProperty("buying_power").GetDecimal());
        Assert.Equal("from TRADESTATION_REFRESH_TOKEN", root.GetProperty("token_state").GetString());
        Assert.Contains("environment:   SIM at http://127.0.0.1:", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("option level:  3", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"/v3/brokerage/accounts/{TradeStationServer.SimAccountId}/balances", _ts.Requests.Select(r => r.Path));
        AssertNoSecretIn(cli, json, text);
    }

    [Fact]
    public async Task Login_PrintsTheSignInUrl_ThenExchangesTheCode_AndStoresTheTokenEncryptedForTheNextRun()
    {
        using var cli = Cli(withEnvironmentToken: false);

        var before = (await cli.RunAsync("broker", "status")).WasRefused();
        var url = (await cli.RunAsync("broker", "login")).Succeeded();
        var login = (await cli.RunAsync("broker", "login", "--code", TradeStationServer.AuthorizationCode)).Succeeded();
        var denied = (await cli.RunAsync("broker", "login", "--redirect-url", "http://localhost:3000/?error=access_denied&error_description=no")).WasRefused();
        var after = (await cli.RunAsync("broker", "status", "--json")).Succeeded();

        Assert.Contains("optauto broker login", before.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{_ts.BaseUrl}/authorize?response_type=code&client_id={TradeStationServer.ClientId}", url.Stdout, StringComparison.Ordinal);
        Assert.Contains("scope=openid%20offline_access%20MarketData%20ReadAccount%20Trade%20OptionSpreads", url.Stdout, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%3A3000", url.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Account {TradeStationServer.SimAccountId} (Margin, Active), option approval level 3", login.Stdout, StringComparison.Ordinal);
        Assert.Contains("access_denied", denied.Stderr, StringComparison.Ordinal);
        var exchange = Assert.Single(_ts.TokenRequests, r => r.Body.Contains("grant_type=authorization_code", StringComparison.Ordinal));
        Assert.Contains($"code={TradeStationServer.AuthorizationCode}", exchange.Body, StringComparison.Ordinal);
        using var status = JsonDocument.Parse(after.Stdout);
        Assert.Equal("stored (encrypted)", status.RootElement.GetProperty("token_state").GetString());
        var tokenFile = Path.Combine(cli.WorkDirectory, ".data", "tradestation-token.bin");
        Assert.DoesNotContain("SECRET", await File.ReadAllTextAsync(tokenFile), StringComparison.Ordinal);
        AssertNoSecretIn(cli, before, url, login, denied, after);
    }

    [Fact]
    public async Task Status_OnPaper_ShowsThePaperAccount_AndNeedsNoTradeStationSettings()
    {
        using var cli = new OptautoProcess(_db.ConnectionString);

        var json = (await cli.RunAsync("broker", "status", "--json")).Succeeded();

        using var status = JsonDocument.Parse(json.Stdout);
        Assert.Equal("paper", status.RootElement.GetProperty("provider").GetString());
        Assert.Equal(100_000m, status.RootElement.GetProperty("equity").GetDecimal());
        Assert.Empty(_ts.Requests);
    }

    [Fact]
    public async Task TheWorker_SaysAtStartWhichBrokerAndEnvironment_AndBadSettingsStopIt()
    {
        using (var bad = Cli(withEnvironmentToken: true, ("Broker__TradeStation__ClientSecret", "")))
        {
            var run = await bad.RunAsync("run");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Broker:TradeStation:ClientSecret is required", run.Stderr, StringComparison.Ordinal);
        }

        using (var unknown = Cli(withEnvironmentToken: true, ("Broker__Provider", "ibkr")))
        {
            var status = (await unknown.RunAsync("broker", "status")).WasRefused();
            Assert.Contains("Broker:Provider must be paper or tradestation, was 'ibkr'", status.Stderr, StringComparison.Ordinal);
        }

        using var cli = Cli(withEnvironmentToken: true, ("Service__Urls", $"http://127.0.0.1:{LoopbackPort.Free()}"));
        using var worker = cli.Start("run");
        var logs = Path.Combine(cli.WorkDirectory, "logs");
        string? line = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); line is null && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            Assert.False(worker.HasExited, "optauto run exited");
            line = (Directory.Exists(logs) ? Directory.GetFiles(logs) : []).SelectMany(File.ReadAllLines)
                .FirstOrDefault(l => l.Contains("BROKER: TradeStation", StringComparison.Ordinal));
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        Assert.NotNull(line);
        Assert.Contains("\"Level\":\"Warning\"", line, StringComparison.Ordinal);
        Assert.Contains($"SIM at {_ts.ApiBaseUrl}", line, StringComparison.Ordinal);
    }

    private OptautoProcess Cli(bool withEnvironmentToken, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["Broker__Provider"] = "tradestation",
            ["Broker__TradeStation__ClientId"] = TradeStationServer.ClientId,
            ["Broker__TradeStation__ClientSecret"] = TradeStationServer.ClientSecret,
            ["Broker__TradeStation__ApiBaseUrl"] = _ts.ApiBaseUrl,
            ["Broker__TradeStation__TokenUrl"] = _ts.BaseUrl,
            ["Broker__TradeStation__RequestTimeoutSeconds"] = "5",
        };
        if (withEnvironmentToken)
        {
            environment["TRADESTATION_REFRESH_TOKEN"] = TradeStationServer.InitialRefreshToken;
        }

        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return new OptautoProcess(_db.ConnectionString, environment);
    }

    // Neither the output nor the log file may hold a refresh or access token (every test token contains SECRET).
    private static void AssertNoSecretIn(OptautoProcess cli, params CliResult[] runs)
    {
        foreach (var run in runs)
        {
            Assert.DoesNotContain("SECRET", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }

        var logs = Path.Combine(cli.WorkDirectory, "logs");
        foreach (var file in Directory.Exists(logs) ? Directory.GetFiles(logs) : [])
        {
            Assert.DoesNotContain("SECRET", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
