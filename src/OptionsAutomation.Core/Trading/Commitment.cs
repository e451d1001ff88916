using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading;

/// <summary>Exposure (<see cref="RiskExposure"/>) already committed on an underlying, expiring on <see cref="Expiration"/> (null for shares).</summary>
public sealed record Commitment(string Underlying, DateOnly? Expiration, decimal Exposure);
