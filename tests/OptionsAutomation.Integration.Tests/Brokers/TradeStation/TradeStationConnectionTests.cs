using System.Net;
using System.Text.Json;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Telegram;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation;

/// <summary>The connection layer against the loopback server: tokens, errors, 429, retries, budgets.</summary>
public sealed class TradeStationConnectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private sealed record AccountsAnswer(IReadOnlyList<AccountItem> Accounts);

    private sealed record AccountItem(string AccountID, string Status, AccountDetailItem AccountDetail);

    private sealed record AccountDetailItem(int OptionApprovalLevel);

    private sealed record BalancesAnswer(IReadOnlyList<BalanceItem> Balances, IReadOnlyList<JsonElement> Errors);

    private sealed record BalanceItem(string AccountID, decimal Equity, decimal BuyingPower);

    [Fact]
    public async Task AFirstCall_RefreshesWithTheStoredToken_AndSendsTheBearer_ThenReusesItUntilShortlyBeforeExpiry()
    {
        var clock = new SkippingClock(Start);
        await using var ts = await TsHarness.StartAsync(clock);

        var accounts = await ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(17));
        await ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1.5)); // 18.5 of 20 minutes: inside the refresh margin
        await ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None);

        Assert.Equal(TradeStationServer.SimAccountId, Assert.Single(accounts.Accounts).AccountID);
        Assert.Equal(3, accounts.Accounts[0].AccountDetail.OptionApprovalLevel);
        var refreshes = ts.Server.TokenRequests;
        Assert.Equal(2, refreshes.Count);
        Assert.All(refreshes, r => Assert.Contains("grant_type=refresh_token", r.Body, StringComparison.Ordinal));
        var calls = ts.Server.Calls("GET", "/v3/brokerage/accounts");
        Assert.Equal(["ts-access-SECRET-1", "ts-access-SECRET-1", "ts-access-SECRET-2"], calls.Select(c => c.Bearer));
    }

    [Fact]
    public async Task A401_RefreshesOnceAndRepeatsTheCall_AndConcurrentCallersShareOneRefresh()
    {
        await using var ts = await TsHarness.StartAsync();
        await ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None);
        ts.Server.RevokeAccessTokens();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None)));

        Assert.Equal(2, ts.Server.TokenRequests.Count);
        Assert.Equal(5, ts.Server.Calls("GET", "/v3/brokerage/accounts").Count(c => c.Bearer == "ts-access-SECRET-2"));
    }

    [Fact]
    public async Task ARevokedRefreshToken_FailsClosedWithAnAuthError_ThatNamesTheRemedyAndNoToken()
    {
        await using var ts = await TsHarness.StartAsync();
        ts.Server.RevokeRefreshToken();

        var error = await Assert.ThrowsAsync<TradeStationAuthException>(() =>
            ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None));

        Assert.Contains("optauto broker login", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.Empty(ts.Server.Calls("GET", "/v3/"));
    }

    [Fact]
    public async Task ARefreshWhoseAnswerIsLost_AfterTheServerRotated_FailsClosedSayingTheRotationMayBeLost()
    {
        // The server rotates the refresh token, then answers after the client's 5 s attempt timeout: the retry carries
        // the spent token and is refused. Nothing can bring the new token back; the error must say why a sign-in is needed.
        await using var ts = await TsHarness.StartAsync();
        ts.Server.RotateRefreshTokens = true;
        ts.Server.TokenAnswerDelay = TimeSpan.FromSeconds(7);

        var error = await Assert.ThrowsAsync<TradeStationAuthException>(() =>
            ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None));

        Assert.Contains("optauto broker login", error.Message, StringComparison.Ordinal);
        Assert.Contains("may have issued a new one then that never arrived", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ts.Server.TokenRequests.Count);
        Assert.Empty(ts.Server.Calls("GET", "/v3/"));
    }

    [Fact]
    public async Task ARotatedRefreshToken_IsStoredEncryptedAtOnce_AndTheFileNeverHoldsAToken()
    {
        await using var ts = await TsHarness.StartAsync();
        ts.Server.RotateRefreshTokens = true;

        await ts.Client.GetAsync<AccountsAnswer>("brokerage/accounts", RateCategory.Accounts, CancellationToken.None);

        Assert.Equal(RefreshTokenSource.Stored, ts.Store.Source);
        Assert.Equal(ts.Server.RefreshToken, ts.Store.Load());
        Assert.NotEqual(TradeStationServer.InitialRefreshToken, ts.Server.RefreshToken);
        var onDisk = await File.ReadAllTextAsync(ts.Settings.TokenFile);
        Assert.DoesNotContain("SECRET", onDisk, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ts.Settings.TokenFile));
        }

        // A new store over the same key ring reads it back (a restart).
        Assert.Equal(ts.Server.RefreshToken, new RefreshTokenStore(ts.Settings, fromEnvironment: null).Load());
        Assert.DoesNotContain(ts.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A429_WaitsAsAskedAndIsLoggedOnce_And5xxIsRetriedForReads()
    {
        var clock = new SkippingClock(Start);
        await using var ts = await TsHarness.StartAsync(clock, s => s with { MaxRetries = 3 });
        ts.Server.Script("GET", "/balances", TsReply.Error(429, "TooManyRequests", "Rate limit exceeded", retryAfterSeconds: 7), times: 2);
        ts.Server.Script("GET", "/balances", TsReply.Error(503, "ServiceUnavailable", "Try later"));

        var balances = await ts.Client.GetAsync<BalancesAnswer>(
            $"brokerage/accounts/{TradeStationServer.SimAccountId}/balances", RateCategory.Balances, CancellationToken.None);

        Assert.Equal(101250.5m, Assert.Single(balances.Balances).Equity);
        Assert.Equal(4, ts.Server.Calls("GET", "/balances").Count);
        Assert.Equal(2, clock.Waits.Count(w => w == TimeSpan.FromSeconds(7)));
        Assert.Single(ts.Logs.Lines, l => l.Contains("rate limit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task APostThatMayNotBeRepeated_IsNotRetriedOn5xx_ButAnErrorBodyIsRead()
    {
        await using var ts = await TsHarness.StartAsync();
        ts.Server.Script("POST", "/orderexecution/orders", TsReply.Error(502, "BadGateway", "upstream"));

        var error = await Assert.ThrowsAsync<TradeStationApiException>(() => ts.Client.SendAsync<JsonElement>(
            HttpMethod.Post, "orderexecution/orders", new { AccountID = "x" }, RateCategory.Unmetered, idempotent: false, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Equal("upstream", error.ApiMessage);
        Assert.Single(ts.Server.Calls("POST", "/orderexecution/orders"));
    }

    [Fact]
    public async Task Budgets_WaitForTheNextWindow_InsteadOfSpendingPastTheQuota()
    {
        var clock = new SkippingClock(Start);
        var budgets = new RateBudgets(clock);

        for (var i = 0; i < 31; i++)
        {
            await budgets.WaitAsync(RateCategory.Quotes, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(clock.Waits));
        Assert.Equal(29, budgets.Remaining(RateCategory.Quotes));
        Assert.Null(budgets.Remaining(RateCategory.Unmetered));
    }

    [Fact]
    public void Settings_DefaultToSim_AndLiveNeedsBothKeys_AndPlainHttpOnlyOnLoopback()
    {
        var valid = new TradeStationSettings { ClientId = "id", ClientSecret = "secret" };
        Assert.Empty(valid.Validate());
        Assert.Equal(new Uri(TradeStationSettings.SimApiBaseUrl), valid.ResolvedApiBaseUrl);
        Assert.False((valid with { Environment = "live" }).IsLive);
        Assert.Equal(new Uri(TradeStationSettings.SimApiBaseUrl), (valid with { Environment = "live" }).ResolvedApiBaseUrl);
        Assert.True((valid with { Environment = "live", ConfirmLive = true }).IsLive);
        Assert.Equal(new Uri(TradeStationSettings.LiveApiBaseUrl), (valid with { Environment = "LIVE", ConfirmLive = true }).ResolvedApiBaseUrl);

        var errors = (valid with { Environment = "paper", ApiBaseUrl = "http://api.example.com/v3", ClientSecret = null }).Validate();
        Assert.Contains(errors, e => e.StartsWith("Broker:TradeStation:Environment", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Broker:TradeStation:ApiBaseUrl must be https", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Broker:TradeStation:ClientSecret", StringComparison.Ordinal));
        Assert.Empty((valid with { ApiBaseUrl = "http://127.0.0.1:5000/v3" }).Validate());
        Assert.DoesNotContain("secret", (valid with { ClientSecret = "secret" }).ToString(), StringComparison.Ordinal);
    }
}
