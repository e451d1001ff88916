namespace OptionsAutomation.Core.MarketData;

/// <summary>Every listed option of an underlying as of <see cref="Timestamp"/>.</summary>
public sealed record OptionChain(string Underlying, decimal UnderlyingPrice, DateTimeOffset Timestamp, IReadOnlyList<OptionQuote> Quotes);
