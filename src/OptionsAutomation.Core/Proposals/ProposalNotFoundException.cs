using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals;

public sealed class ProposalNotFoundException(string requestId) : TradingRuleException($"proposal {requestId} not found.");
