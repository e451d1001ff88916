namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// Configuration of a worker on a test database trading the real SPY chains of 2021 through the paper broker: the
/// screener proposes one SPY CSP (the 370 put at the close of 2021-03-01), sized and allowed so that it executes.
/// </summary>
internal static class Spy2021Settings
{
    /// <summary>The close of 2021-03-01, when the chain files are stamped (16:00 New York).</summary>
    public static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string?> For(TestDatabase db) => new()
    {
        ["ConnectionStrings:Postgres"] = db.ConnectionString,
        ["MarketData:Provider"] = "csv",
        ["MarketData:Csv:ChainFiles:0"] = Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_options_2021.csv"),
        ["Proposals:Watchlist:SPY:0"] = "CSP",
        ["Sizing:CollateralPerTradePct"] = "40",
        ["Risk:MaxOrderNotionalPercent"] = "50",
        ["Execution:AllowOutsideSession"] = "true",
        ["Broker:Paper:StartingEquity"] = "100000",
    };
}
