using OptionsAutomation.Core.Proposals.Sizing;

namespace OptionsAutomation.Core.Proposals;

/// <summary>What one screener run produced: the proposals (new or already made today) and what it passed over.</summary>
public sealed record ProposalRun(IReadOnlyList<TradeProposal> Proposals, IReadOnlyList<ScreenDenial> Denials)
{
    /// <summary>Every sizing this run computed, those below one contract included (the worker's metrics record them).</summary>
    public IReadOnlyList<PositionSizingResult> Sizings { get; init; } = [];
}
