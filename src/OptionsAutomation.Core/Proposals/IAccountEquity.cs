namespace OptionsAutomation.Core.Proposals;

/// <summary>The account's equity in dollars, or null when it cannot be known (then nothing is sized: fail closed).</summary>
public interface IAccountEquity
{
    Task<decimal?> GetEquityAsync(CancellationToken cancellationToken);
}
