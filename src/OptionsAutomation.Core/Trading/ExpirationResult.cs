using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>One expiring position: how it settled, or why it could not be (it then stays OPEN).</summary>
public sealed record ExpirationResult(
    Position Position,
    ExpirationSettlement? Settlement,
    ClosedPosition? Closed,
    long? SharesPositionId,
    string? Error);
