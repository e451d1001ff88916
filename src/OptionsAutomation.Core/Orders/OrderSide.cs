namespace OptionsAutomation.Core.Orders;

public enum OrderSide
{
    BuyToOpen,
    SellToOpen,
    BuyToClose,
    SellToClose,
}
