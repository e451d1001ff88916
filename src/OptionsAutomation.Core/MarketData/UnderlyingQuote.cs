namespace OptionsAutomation.Core.MarketData;

/// <summary>The price of an underlying at <see cref="Timestamp"/>; bid/ask are null where the source has only a last price (end-of-day files).</summary>
public sealed record UnderlyingQuote(string Symbol, decimal Last, decimal? Bid, decimal? Ask, DateTimeOffset Timestamp);
