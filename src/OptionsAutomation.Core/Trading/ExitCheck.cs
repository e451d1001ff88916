using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// One position's result of an exit run: the decision and, when the exit was executed, what happened —
/// <see cref="Closed"/> on a fill, <see cref="OrderError"/> when the closing order failed.
/// </summary>
public sealed record ExitCheck(Position Position, ExitDecision Decision, ClosedPosition? Closed, string? OrderError);
