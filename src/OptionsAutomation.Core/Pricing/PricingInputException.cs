namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// An input the pricing model cannot use: not finite, or outside its domain. <see cref="ArgumentOutOfRangeException.ParamName"/>
/// names the parameter; the message names it too and gives the value, so it reads on its own (the CLI prints it as is).
/// </summary>
public class PricingInputException(string parameter, double value, string message)
    : ArgumentOutOfRangeException(parameter, value, message)
{
    /// <summary>The message alone: the base class would append the parameter and value that the text already gives.</summary>
    public override string Message { get; } = message;
}
