using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Brief;

/// <summary>The VIX's daily closes the brief reads; a source that cannot be read throws, and the brief says so.</summary>
public interface IVixHistory
{
    DailyCloses Read();
}
