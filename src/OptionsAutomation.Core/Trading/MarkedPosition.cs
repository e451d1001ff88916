using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>A position with a new mark applied (<see cref="Position"/> is the updated state).</summary>
public sealed record MarkedPosition(Position Position, PositionMark Mark, MarkUpdate Update);
