using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Analytics;

/// <summary>The positions of one stored risk snapshot (<c>risk_snapshots.report → positions</c>) and when it was taken.</summary>
public sealed record RiskSnapshotPositions(DateTimeOffset TakenAt, IReadOnlyList<PositionRisk> Positions);
