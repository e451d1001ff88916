using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Proposals;

/// <summary>A ticker and strategy the screener passed over, with the code and its context (<c>CODE: key=value, …</c>).</summary>
public sealed record ScreenDenial(string Ticker, StrategyType Strategy, ScreenDenialCode Code, string Context)
{
    public override string ToString() => $"{Code.ToCode()}: {Context}";
}
