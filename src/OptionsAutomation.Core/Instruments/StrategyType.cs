namespace OptionsAutomation.Core.Instruments;

/// <summary>The strategies the system trades. Database code in parentheses.</summary>
public enum StrategyType
{
    /// <summary>Cash-secured put (CSP): one short put, collateralised by cash for assignment.</summary>
    CashSecuredPut,

    /// <summary>Vertical put credit spread (VPC): a short put and a lower-strike long put.</summary>
    VerticalPutCredit,

    /// <summary>Shares, e.g. after a put is assigned (STOCK).</summary>
    Stock,
}
