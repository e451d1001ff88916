namespace OptionsAutomation.Core.Proposals;

/// <summary>What one screener run produced: the proposals (new or already made today) and what it passed over.</summary>
public sealed record ProposalRun(IReadOnlyList<TradeProposal> Proposals, IReadOnlyList<ScreenDenial> Denials);
