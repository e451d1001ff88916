namespace OptionsAutomation.Core.Trading;

/// <summary>The scorecard drawn as a picture (the card sent to the chat, written by the CLI, served by the API).</summary>
public interface IScorecardCard
{
    /// <summary>The card as PNG bytes; the same scorecard always gives the same picture.</summary>
    byte[] Png(DailyScorecard scorecard);
}
