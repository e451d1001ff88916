using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Infrastructure.Fills;

/// <summary>A fill and the line of the file it came from, so a later refusal can still point at the line.</summary>
public sealed record FillRow(Fill Fill, int Line);
