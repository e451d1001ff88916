namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// One comparison of the broker's positions with ours at <see cref="At"/>: every option either side holds
/// (<see cref="Lines"/>), the <see cref="Differences"/>, and the symbols left unjudged because an order of ours is still
/// working in them and the broker's quantity lies between ours before and after it (<see cref="InFlight"/>).
/// </summary>
public sealed record ReconciliationReport(
    DateTimeOffset At, ValueList<ReconciliationLine> Lines, ValueList<ReconciliationDifference> Differences, ValueList<string> InFlight)
{
    public bool Matches => Differences.Count == 0;

    /// <summary>
    /// What the differences are, without prices or times: the same difference found again has the same signature, so it
    /// is alerted once; a new or changed one (another symbol, another quantity) has a new one. Empty when they match.
    /// </summary>
    public string Signature => string.Join(";", Differences.Select(d => $"{d.Symbol.Replace(" ", "", StringComparison.Ordinal)}:{d.Kind}:{d.OurContracts}:{d.BrokerContracts}"));
}

/// <summary>One option as each side holds it (contracts signed, short negative; average price per share, null when unknown).</summary>
public sealed record ReconciliationLine(string Symbol, int OurContracts, int BrokerContracts, decimal? OurAveragePrice, decimal? BrokerAveragePrice);
