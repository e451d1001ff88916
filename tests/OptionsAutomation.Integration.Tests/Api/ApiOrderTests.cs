using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>GET /api/orders</c> and the fills of <c>GET /api/positions/{id}</c>: what the CLI's <c>--json</c> prints.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiOrderTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task Orders_ByPosition_AreTheCliRows_AndPositionShowCarriesTheFills()
    {
        var position = await ClosedOrderSeed.CloseCspThroughBrokerAsync(Db, "orders-api");
        var key = position.PositionId.ToString(CultureInfo.InvariantCulture);

        var orders = await Api.GetJsonAsync($"/api/orders?position_id={key}");
        var order = Assert.Single(orders.EnumerateArray());
        Assert.Equal(("CLOSE", "FILLED", 2), (order.GetProperty("intent").GetString(), order.GetProperty("state").GetString(), order.GetProperty("filled_quantity").GetInt32()));
        Assert.Equal(["PENDING", "PARTIALLY_FILLED", "FILLED"], order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal([0.65m, 0.65m], order.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("fee").GetDecimal()));
        Assert.Equal(0, (await Api.GetJsonAsync($"/api/orders?position_id={key}&open=true")).GetArrayLength());
        Assert.Equal(1, (await Api.GetJsonAsync("/api/orders?request_id=orders-api")).GetArrayLength());
        Assert.Equal(1, (await Api.GetJsonAsync("/api/orders")).GetArrayLength());

        var shown = await Api.GetJsonAsync($"/api/positions/{key}");
        Assert.Equal(2, shown.GetProperty("fills").GetArrayLength());

        // The same JSON as the CLI prints (there indented).
        using var cli = new OptautoProcess(Db.ConnectionString);
        Assert.Equal(Compact(orders), Compact((await cli.RunAsync("orders", "list", "--position", key, "--json")).Succeeded().Json()));
        Assert.Equal(Compact(shown), Compact((await cli.RunAsync("positions", "show", key, "--json")).Succeeded().Json()));
    }

    [Fact]
    public async Task Orders_ABadFilterIs400()
    {
        using var response = await Api.Http.GetAsync("/api/orders?position_id=abc");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
