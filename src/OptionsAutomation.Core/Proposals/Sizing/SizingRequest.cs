using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <param name="Equity">Account equity, dollars; positive (the caller refuses to size without it).</param>
/// <param name="Committed">What open positions and earlier proposals of the run already commit (CSP collateral, VPC max loss).</param>
public sealed record SizingRequest(CreditStrategy Strategy, decimal Equity, decimal Committed);
