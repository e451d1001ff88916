namespace OptionsAutomation.Core.Positions;

/// <summary>A request the trading rules refuse. Nothing was written.</summary>
public abstract class TradingRuleException(string message) : Exception(message);

/// <summary>Invalid input for opening or closing a position; the message lists every problem.</summary>
public sealed class PositionRuleException(IReadOnlyList<string> problems)
    : TradingRuleException(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new PositionRuleException(problems);
        }
    }
}

public sealed class PositionNotFoundException(string key)
    : TradingRuleException($"position {key} not found.");

public sealed class PositionNotOpenException(long positionId, PositionStatus status)
    : TradingRuleException($"position {positionId} is {status.ToCode()}, not OPEN; nothing was changed.")
{
    public PositionStatus Status { get; } = status;
}
