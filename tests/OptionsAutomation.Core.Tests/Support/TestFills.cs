using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// Fills for the ledger tests: shares of SPY (multiplier 1) or the SPY 2026-03-20 580 and 575 puts (multiplier 100).
/// A fill happens <c>minute</c> minutes after <see cref="Start"/>, so a test can keep its fills in time order.
/// </summary>
internal static class TestFills
{
    public const string Shares = "SPY";
    public const string Put580 = "SPY   260320P00580000";
    public const string Put575 = "SPY   260320P00575000";

    public static readonly DateTimeOffset Start = TestDates.OpenedAt;

    public static Fill Buy(int quantity, decimal price, decimal fee = 0m, int minute = 0) =>
        new(Start.AddMinutes(minute), Shares, FillSide.Buy, quantity, price, fee, 1);

    public static Fill Sell(int quantity, decimal price, decimal fee = 0m, int minute = 0) =>
        new(Start.AddMinutes(minute), Shares, FillSide.Sell, quantity, price, fee, 1);

    public static Fill BuyOption(string symbol, int contracts, decimal price, decimal fee = 0m, int minute = 0) =>
        new(Start.AddMinutes(minute), symbol, FillSide.Buy, contracts, price, fee, 100);

    public static Fill SellOption(string symbol, int contracts, decimal price, decimal fee = 0m, int minute = 0) =>
        new(Start.AddMinutes(minute), symbol, FillSide.Sell, contracts, price, fee, 100);

    /// <summary>A flat ledger for the first fill's instrument with every fill applied, and what each realizing fill realized.</summary>
    public static (InstrumentLedger Ledger, IReadOnlyList<RealizingFill> Realized) Replay(RealizedPnlMethod method, params Fill[] fills)
    {
        var ledger = InstrumentLedger.Flat(fills[0].Symbol, fills[0].Multiplier, method);
        var realized = new List<RealizingFill>();
        foreach (var fill in fills)
        {
            var change = ledger.Apply(fill);
            ledger = change.Ledger;
            if (change.Realized is { } r)
            {
                realized.Add(r);
            }
        }

        return (ledger, realized);
    }
}
