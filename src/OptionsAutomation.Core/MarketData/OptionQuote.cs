using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// One option's quote at <see cref="Timestamp"/>. Prices are per share. A missing or zero bid is kept as
/// the source gave it (null or 0): deciding whether the quote is usable is the caller's job.
/// IV and delta are the source's (or the model's), in decimal units (0.25 = 25%).
/// </summary>
public sealed record OptionQuote(
    OptionContract Contract,
    decimal? Bid,
    decimal? Ask,
    decimal? Last,
    DateTimeOffset Timestamp,
    decimal UnderlyingPrice,
    double? ImpliedVolatility,
    double? Delta,
    long? OpenInterest)
{
    /// <summary>Midpoint of bid and ask; null unless both are present.</summary>
    public decimal? Mid => Bid is { } bid && Ask is { } ask ? (bid + ask) / 2m : null;
}
