using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>A recommendation was made (its row created by <see cref="ITradingEntry.CreateAdjustmentAsync"/>): audited <c>adjustment.recommended</c>.</summary>
public sealed record AdjustmentRecorded(Adjustment Created, string Actor) : TradingEvent;

/// <summary>The PENDING recommendation's numbers moved with the market (score <paramref name="FromScore"/> before): stored, audited <c>adjustment.updated</c>.</summary>
public sealed record AdjustmentRefreshed(Adjustment Refreshed, int FromScore, string Actor) : TradingEvent;

/// <summary>The recommendation moved from <paramref name="From"/> to <paramref name="Moved"/>'s status: stored, audited <c>adjustment.&lt;status&gt;</c>.</summary>
public sealed record AdjustmentMoved(Adjustment Moved, AdjustmentStatus From, string By) : TradingEvent;
