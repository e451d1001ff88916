namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>What a recommendation asks for.</summary>
public enum AdjustmentKind
{
    /// <summary>Close the position and open the same strategy later and lower, for a net credit, as one order.</summary>
    Roll,

    /// <summary>Close every open contract now (exit reason <c>adjustment</c>).</summary>
    Close,

    /// <summary>Close part of the open contracts now (exit reason <c>adjustment</c>); the rest stays open.</summary>
    Reduce,
}
