namespace OptionsAutomation.Core.Instruments;

public enum OptionRight
{
    Put,
    Call,
}
