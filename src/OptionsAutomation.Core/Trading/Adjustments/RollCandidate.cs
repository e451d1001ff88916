namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// A roll priced at the current quotes, per share: the debit to close the old legs at natural (buy the short at its ask,
/// sell the long at its bid) and the credit of the new legs at natural (sell the short at its bid, buy the long at its
/// ask). <see cref="NetCredit"/> — new less old, both at natural, the worst prices quoted now — is what the roll is judged
/// on and its order's floor; <see cref="NetCreditAtMid"/> is shown beside it, what a patient order may get.
/// </summary>
public sealed record RollCandidate(
    DateOnly Expiration,
    decimal ShortStrike,
    decimal? LongStrike,
    double NewShortDelta,
    decimal CloseDebit,
    decimal NewCredit,
    decimal NetCredit,
    decimal NetCreditAtMid);
