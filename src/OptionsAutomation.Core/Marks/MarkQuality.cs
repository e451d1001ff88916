namespace OptionsAutomation.Core.Marks;

/// <summary>Whether a mark may drive price rules. Only a FRESH mark may.</summary>
public enum MarkQuality
{
    /// <summary>Every leg quoted, two-sided, tight enough, and recent.</summary>
    Fresh,

    /// <summary>Quotes older than ExitRules:MaxMarkAgeMinutes.</summary>
    Stale,

    /// <summary>A leg without a quote or a bid, a crossed quote, or a spread wider than ExitRules:MaxSpreadPct.</summary>
    Unusable,
}
