namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// One NYSE trading day. <see cref="Open"/> and <see cref="Close"/> are UTC instants; <see cref="OpenEt"/> and
/// <see cref="CloseEt"/> are the same instants on New York clocks, as traders quote them ("closes at 13:00").
/// </summary>
public sealed record TradingSession(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close, bool EarlyClose)
{
    public DateTimeOffset OpenEt => MarketTime.InNewYork(Open);

    public DateTimeOffset CloseEt => MarketTime.InNewYork(Close);

    /// <summary>From the opening bell up to, not including, the closing bell: at the close the market is shut.</summary>
    public bool IsOpenAt(DateTimeOffset instant) => instant >= Open && instant < Close;
}
