namespace OptionsAutomation.Core.Trading;

/// <summary>One position's part of an exit sweep: its new mark and what the exit rules did with it.</summary>
public sealed record SweptPosition(MarkedPosition Marked, ExitCheck Check);
