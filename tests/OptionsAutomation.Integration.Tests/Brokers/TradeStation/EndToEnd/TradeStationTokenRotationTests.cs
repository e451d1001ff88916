using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.EndToEnd;

/// <summary>
/// With rotating refresh tokens every refresh invalidates the token it used. The worker and the CLI share one stored
/// token, so two processes refreshing at once must not both spend the same one: the second would be refused and fail
/// closed ("run broker login again") although a valid token was just stored.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class TradeStationTokenRotationTests(PostgresServer server) : TsEndToEndBase(server)
{
    private static readonly (string, string) SlowAnswerTimeout = ("Broker__TradeStation__RequestTimeoutSeconds", "30");

    [Fact]
    public async Task TwoProcessesRefreshingAtOnce_BothGetIn_AndTheLastRotatedTokenIsStored()
    {
        Ts.RotateRefreshTokens = true;
        // Long enough that both processes' refreshes overlap at the server.
        Ts.TokenAnswerDelay = TimeSpan.FromSeconds(3);
        // The test is about the lock, not about timeouts: an attempt must outlast the slow answer on a loaded machine.
        using var first = Optauto(SlowAnswerTimeout);
        using var second = Optauto(SlowAnswerTimeout);

        var runs = await Task.WhenAll(first.RunAsync("broker", "status", "--json"), second.RunAsync("broker", "status", "--json"));

        Assert.All(runs, run => run.Succeeded());
        var refreshes = Ts.TokenRequests.Where(r => r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refreshes.Count);
        // The second refresh used the token the first one was given, not the spent one. Compared whole: a rotated token
        // may begin with the initial one's characters.
        var spent = refreshes.Select(r => System.Web.HttpUtility.ParseQueryString(r.Body)["refresh_token"]).ToList();
        Assert.Equal(TradeStationServer.InitialRefreshToken, spent[0]);
        Assert.NotEqual(TradeStationServer.InitialRefreshToken, spent[1]);
        Ts.TokenAnswerDelay = TimeSpan.Zero;
        var after = (await first.RunAsync("broker", "status", "--json")).Succeeded().Json();
        Assert.Equal("stored (encrypted)", after.Str("token_state"));
    }
}
