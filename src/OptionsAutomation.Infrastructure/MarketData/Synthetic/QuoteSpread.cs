namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// A bid and ask around a model value, on the penny tick (SPY, QQQ and IWM options all quote in pennies).
/// The spread is 2% of the value near the money, widening away from it (×(1 + 5·|ln K/S|)), never under a tick
/// and never over 0.1% of the spot (deep in-the-money options are mostly intrinsic value, which market makers
/// hedge with the underlying, so their spread does not grow with their price). The bid is rounded down and the
/// ask up, so the model value always lies inside; a bid that would go below zero is zero, as far out-of-the-money
/// options show.
/// </summary>
internal static class QuoteSpread
{
    public const decimal Tick = 0.01m;
    private const double NearMoneyFraction = 0.02;
    private const double Widening = 5;
    private const double MaximumFractionOfSpot = 0.001;

    public static (decimal Bid, decimal Ask) Around(double value, double spot, double logMoneyness)
    {
        var proportional = value * NearMoneyFraction * (1 + (Widening * Math.Abs(logMoneyness)));
        var width = Math.Max((double)Tick, Math.Min(proportional, spot * MaximumFractionOfSpot));
        var bid = (decimal)Math.Floor((value - (width / 2)) / (double)Tick) * Tick;
        var ask = (decimal)Math.Ceiling((value + (width / 2)) / (double)Tick) * Tick;
        return (Math.Max(0m, bid), Math.Max(Tick, ask));
    }
}
