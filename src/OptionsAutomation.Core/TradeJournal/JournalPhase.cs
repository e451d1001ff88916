namespace OptionsAutomation.Core.TradeJournal;

/// <summary>When in a trade's life a note was written.</summary>
public enum JournalPhase
{
    /// <summary>On a proposal not yet executed: why the trade is (or is not) taken.</summary>
    Entry,

    /// <summary>While the position is open.</summary>
    During,

    /// <summary>After the position closed, expired or was assigned.</summary>
    After,
}

/// <summary>The phase rule: a note on a proposal without a position is at entry; then it follows the position's status.</summary>
public static class JournalPhases
{
    public static JournalPhase For(Positions.PositionStatus? position) => position switch
    {
        null => JournalPhase.Entry,
        Positions.PositionStatus.Open => JournalPhase.During,
        _ => JournalPhase.After,
    };
}
