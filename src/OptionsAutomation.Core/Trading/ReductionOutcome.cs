namespace OptionsAutomation.Core.Trading;

/// <summary>What an emergency reduction did with one position (codes <c>closed</c>, <c>already_closing</c>, …).</summary>
public enum ReductionOutcome
{
    /// <summary>The closing order filled: the position is CLOSED.</summary>
    Closed,

    /// <summary>A closing order for it is already at work (another run, the exit job, a person): no second one was sent.</summary>
    AlreadyClosing,

    /// <summary>It closed (or expired) after it was listed: nothing was sent.</summary>
    NotOpen,

    /// <summary>Outside an NYSE session: nothing was sent, it stays OPEN.</summary>
    MarketClosed,

    /// <summary>It stays OPEN (at least in part): the order was rejected or not filled, or the close was refused.</summary>
    Failed,
}
