using System.Globalization;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Appsettings section <c>MarketData:TradeStation</c>: how the <c>tradestation</c> provider caches and how wide a chain it
/// reads. The connection itself (API key, token, environment) is <c>Broker:TradeStation</c>, shared with the broker.
/// </summary>
public sealed record TradeStationMarketDataSettings
{
    public const string SectionName = "MarketData:TradeStation";

    /// <summary>The documented limit of concurrent option chain streams per user.</summary>
    public const int ChainStreamLimit = 10;

    /// <summary>A quote (and a chain snapshot) answers every question for this long: one fetch per tick, not per caller.</summary>
    public int CacheSeconds { get; init; } = 30;

    /// <summary>Chains cover the expirations from today to this many days out.</summary>
    public int MaxChainDays { get; init; } = 60;

    /// <summary>Strikes read on each side of the underlying's last price, per expiration.</summary>
    public int StrikeProximity { get; init; } = 30;

    /// <summary>
    /// <c>Put</c> (default), <c>Call</c> or <c>All</c>. Every strategy the worker trades (CSP, VPC) sells puts, so calls would
    /// double each snapshot for nothing.
    /// </summary>
    public string OptionType { get; init; } = "Put";

    /// <summary>One expiration's snapshot must reach its end within this long, or it is left out of the chain.</summary>
    public double ChainTimeoutSeconds { get; init; } = 30;

    /// <summary>Chain streams open at once (at most <see cref="ChainStreamLimit"/>, the documented quota).</summary>
    public int MaxConcurrentChainStreams { get; init; } = 4;

    /// <summary>Daily bars fetched per symbol for past sessions (risk history): one request covers the window.</summary>
    public int HistoryBars { get; init; } = 300;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string rule, object value)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} {rule}, was '{value}'."));
            }
        }

        Require(CacheSeconds is >= 1 and <= 600, nameof(CacheSeconds), "must be 1 to 600", CacheSeconds);
        Require(MaxChainDays is >= 1 and <= 800, nameof(MaxChainDays), "must be 1 to 800", MaxChainDays);
        Require(StrikeProximity is >= 1 and <= 200, nameof(StrikeProximity), "must be 1 to 200", StrikeProximity);
        Require(OptionType is "Put" or "Call" or "All", nameof(OptionType), "must be Put, Call or All", OptionType);
        Require(ChainTimeoutSeconds is > 0 and <= 600, nameof(ChainTimeoutSeconds), "must be above 0 and at most 600", ChainTimeoutSeconds);
        Require(MaxConcurrentChainStreams is >= 1 and <= ChainStreamLimit, nameof(MaxConcurrentChainStreams), $"must be 1 to {ChainStreamLimit}", MaxConcurrentChainStreams);
        Require(HistoryBars is >= 2 and <= 5000, nameof(HistoryBars), "must be 2 to 5000", HistoryBars);
        return errors;
    }
}
