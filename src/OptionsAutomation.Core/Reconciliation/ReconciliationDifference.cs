namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// One disagreement between the broker and our book in one option (<see cref="Symbol"/>, the OCC symbol):
/// <see cref="Kind"/> is <c>QUANTITY</c>, <c>ONLY_AT_BROKER</c>, <c>ONLY_OURS</c> or <c>AVERAGE_PRICE</c>; contracts are
/// signed (short negative), prices per share.
/// </summary>
public sealed record ReconciliationDifference(
    string Symbol, string Kind, int OurContracts, int BrokerContracts, decimal? OurAveragePrice, decimal? BrokerAveragePrice)
{
    public const string Quantity = "QUANTITY";
    public const string OnlyAtBroker = "ONLY_AT_BROKER";
    public const string OnlyOurs = "ONLY_OURS";
    public const string AveragePrice = "AVERAGE_PRICE";

    /// <summary>One line for people: <c>SPY 260417P00580000 QUANTITY ours -1 broker -2</c>.</summary>
    public override string ToString() => Kind == AveragePrice
        ? $"{Display(Symbol)} {Kind} ours {OurAveragePrice} broker {BrokerAveragePrice}"
        : $"{Display(Symbol)} {Kind} ours {OurContracts} broker {BrokerContracts}";

    /// <summary>An OCC symbol without its padding (<c>SPY   260417P00580000</c> → <c>SPY 260417P00580000</c>).</summary>
    public static string Display(string symbol) => string.Join(' ', symbol.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
