using System.Globalization;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.MarketData.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData.TradeStation;

/// <summary>
/// A market on the loopback server, Wednesday 2025-04-02 10:30 New York: SPY at 512.34 (traded two seconds ago), QQQ, IWM;
/// SPY put chains (and a few calls) for 2025-04-04, 2025-04-17 (a Thursday: Good Friday closes the market) and 2025-05-16,
/// and an expiration beyond sixty days (2025-07-18).
/// </summary>
internal static class TsMarket
{
    public static readonly DateTimeOffset Now = new(2025, 4, 2, 14, 30, 0, TimeSpan.Zero);

    public const string SpyTradeTime = "2025-04-02T14:29:58Z";

    public static readonly DateOnly[] Expirations = [new(2025, 4, 4), new(2025, 4, 17), new(2025, 5, 16)];

    public static async Task<TsHarness> StartAsync(RealTimersClock clock)
    {
        var h = await TsHarness.StartAsync(clock);
        var server = h.Server;
        server.SetQuote(new TsQuote("SPY", "512.34", "512.33", "512.35", SpyTradeTime));
        server.SetQuote(new TsQuote("QQQ", "431.1", "431.09", "431.12", "2025-04-02T14:29:59Z"));
        server.SetQuote(new TsQuote("IWM", "199.5", "199.49", "199.51", "2025-04-02T14:29:57Z"));
        server.SetExpirations("SPY", ("2025-04-04T00:00:00Z", "Weekly"), ("2025-04-17T00:00:00Z", "Monthly"), ("2025-05-16T00:00:00Z", "Monthly"), ("2025-07-18T00:00:00Z", "Monthly"));
        foreach (var expiration in Expirations.Append(new DateOnly(2025, 7, 18)))
        {
            for (var strike = 480m; strike <= 540m; strike += 5m)
            {
                server.AddOption(Put(expiration, strike));
            }

            server.AddOption(Option(expiration, 520m, "Call", "3.1", "3.2", "0.41"));
        }

        // The documented oddities: a negative bid on a far strike, and a strike with a fraction.
        server.AddOption(Option(new DateOnly(2025, 4, 4), 470m, "Put", "-0.05", "0.03", "-0.01"));
        server.AddOption(Option(new DateOnly(2025, 4, 17), 512.5m, "Put", "4.25", "4.4", "-0.36"));
        return h;
    }

    public static TradeStationMarketData MarketData(
        TsHarness h, TradeStationMarketDataSettings? settings = null, IReadOnlyCollection<string>? watchlist = null, IPositionStore? positions = null) =>
        new(h.Client, h.Settings, settings ?? new TradeStationMarketDataSettings(), watchlist ?? [], positions, h.Clock, h.Logger<TradeStationMarketData>());

    /// <summary>A put priced by its distance from 512: deeper out of the money, cheaper; the 510 put of 2025-04-17 is 4.10/4.25.</summary>
    public static TsOption Put(DateOnly expiration, decimal strike)
    {
        var days = expiration.DayNumber - new DateOnly(2025, 4, 2).DayNumber;
        var bid = Math.Max(0.05m, Math.Round((4.10m * (days / 15m)) - ((510m - strike) * 0.12m), 2));
        if (expiration == new DateOnly(2025, 4, 17) && strike == 510m)
        {
            bid = 4.10m;
        }

        var delta = Math.Round(-0.33m + ((510m - strike) * 0.01m), 4);
        return Option(expiration, strike, "Put", Text(bid), Text(bid + 0.15m), Text(Math.Min(0m, delta)));
    }

    public static TsOption Option(DateOnly expiration, decimal strike, string side, string bid, string ask, string delta) => new(
        Symbol: string.Create(CultureInfo.InvariantCulture, $"SPY {expiration:yyMMdd}{side[0]}{strike.ToString("0.##", CultureInfo.InvariantCulture)}"),
        Side: side,
        Strike: strike.ToString("0.##", CultureInfo.InvariantCulture),
        Expiration: string.Create(CultureInfo.InvariantCulture, $"{expiration:yyyy-MM-dd}T00:00:00Z"),
        Bid: bid,
        Ask: ask,
        Last: bid,
        Delta: delta,
        ImpliedVolatility: "0.1875",
        DailyOpenInterest: 1996);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
